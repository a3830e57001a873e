package org.aidline.api.dev;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Map;
import org.aidline.api.problem.ProblemException;
import org.aidline.api.problem.ProblemType;
import org.aidline.intake.access.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Development tokens for every role; exists only on the embedded default, never in production. */
@RestController
@org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty("aidline.dev-issuer.enabled")
@Tag(name = "Development", description = "Only on the embedded default: tokens signed by the development key")
public class DevTokenController {

    private final DevTokenIssuer issuer;
    private final DevSigningKey signingKey;

    DevTokenController(DevTokenIssuer issuer, DevSigningKey signingKey) {
        this.issuer = issuer;
        this.signingKey = signingKey;
    }

    @PostMapping(path = "/dev/token", consumes = "application/json", produces = "application/json")
    @Operation(operationId = "issueDevToken", summary = "Issue a development token")
    @SecurityRequirements
    Mono<DevToken> token(@Valid @RequestBody DevTokenRequest request) {
        boolean staff = request.roles().stream().anyMatch(Role::isStaff);
        if (staff && request.region() == null) {
            throw new ProblemException(ProblemType.VALIDATION, "Staff roles need the region they work in.",
                    Map.of("errors", java.util.List.of(new org.aidline.api.problem.FieldError("region", "required for staff roles"))));
        }
        return issuer.issue(request.sub(), request.roles(), request.region(), request.partner());
    }

    @GetMapping(path = "/dev/jwks.json", produces = "application/json")
    @Operation(operationId = "getDevKeys", summary = "The development issuer's public keys (JWKS)")
    @SecurityRequirements
    Mono<Map<String, Object>> keys() {
        return signingKey.publicKeys().map(keys -> keys.toJSONObject(true));
    }
}
