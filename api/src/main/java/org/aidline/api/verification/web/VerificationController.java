package org.aidline.api.verification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.aidline.api.problem.ProblemException;
import org.aidline.api.problem.ProblemType;
import org.aidline.api.security.Actors;
import org.aidline.intake.access.Actor;
import org.aidline.intake.report.ReportCursor;
import org.aidline.intake.verification.GrantVerification;
import org.aidline.intake.verification.VerificationStatus;
import org.aidline.intake.verification.Verifications;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Grants whose households the registries flagged (or could not check), for the supervisors of their region. */
@RestController
@Tag(name = "Verification", description = "Means-test checks against the registries of departments and banks, after the grant")
public class VerificationController {

    /** One grant's verification. */
    public record VerificationView(String grantId, String reportId, String villageCode, String status,
            List<Map<String, Object>> searches, Instant updatedAt) {
    }

    /** A page of them, most recently changed first. */
    public record VerificationList(List<VerificationView> items, @Nullable String nextCursor) {
    }

    private final Verifications verifications;

    VerificationController(Verifications verifications) {
        this.verifications = verifications;
    }

    @GetMapping(path = "/api/v1/verifications", produces = "application/json")
    @Operation(operationId = "listVerifications", summary = "Grants in your region by verification verdict (supervisors, auditors)",
            description = "FLAGGED grants put a registry's finding in front of the supervisor before confirming the grant.")
    Mono<VerificationList> list(@AuthenticationPrincipal Jwt token,
            @RequestParam(defaultValue = "FLAGGED") VerificationStatus status,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        Actor staff = Actors.from(token);
        ReportCursor after = cursor == null ? null : decode(cursor);
        return verifications.inRegion(staff.region(), status, after, limit).collectList().map(rows -> {
            List<GrantVerification> page = rows.size() > limit ? rows.subList(0, limit) : rows;
            String next = rows.size() > limit
                    ? new ReportCursor(page.get(limit - 1).updatedAt(), page.get(limit - 1).grantId()).encode()
                    : null;
            return new VerificationList(page.stream().map(row -> new VerificationView(row.grantId().toString(),
                    row.reportId().toString(), row.villageCode(), row.status().name(), row.searches(), row.updatedAt())).toList(), next);
        });
    }

    private static ReportCursor decode(String cursor) {
        try {
            return ReportCursor.decode(cursor);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.BAD_PARAMETER, "The cursor is not one this list gave out.");
        }
    }
}
