package org.aidline.api.ledger.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.aidline.api.problem.ProblemException;
import org.aidline.api.problem.ProblemType;
import org.aidline.api.security.Actors;
import org.aidline.intake.ledger.LedgerCursor;
import org.aidline.intake.ledger.LedgerQueries;
import org.aidline.intake.policy.OutsideJurisdictionException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Auditors and supervisors read the fund ledger of the counties of their region. */
@RestController
@Tag(name = "Ledger", description = "The append-only fund ledger, by county")
public class LedgerController {

    private final LedgerQueries queries;
    private final LedgerWebMapper mapper;

    LedgerController(LedgerQueries queries, LedgerWebMapper mapper) {
        this.queries = queries;
        this.mapper = mapper;
    }

    @GetMapping(path = "/api/v1/ledger", produces = "application/json")
    @Operation(operationId = "listLedgerEntries", summary = "Ledger entries in the order they were written (auditors and supervisors of a county, prefecture or the province)",
            description = "Without county, every county of your region. GRANT + ADJUSTMENT + REVOCATION of a county sum to what its "
                    + "grants are worth; PAYMENT and RECOVERY are money that moved.")
    Mono<LedgerList> ledgerEntries(@AuthenticationPrincipal Jwt token,
            @Parameter(example = "640104") @RequestParam(required = false) @Nullable
            @Pattern(regexp = "\\d{6}", message = "must be a 6-digit county code") String county,
            @Parameter(description = "Booked at or after, ISO-8601", example = "2026-11-01T00:00:00Z") @RequestParam(required = false) @Nullable Instant from,
            @Parameter(description = "Booked before, ISO-8601", example = "2026-12-01T00:00:00Z") @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        if (from != null && to != null && !from.isBefore(to)) {
            return Mono.error(new ProblemException(ProblemType.BAD_PARAMETER, "from must be before to."));
        }
        LedgerCursor after;
        try {
            after = cursor == null ? null : LedgerCursor.decode(cursor);
        } catch (IllegalArgumentException e) {
            return Mono.error(new ProblemException(ProblemType.BAD_PARAMETER, "The cursor is not one this list gave out."));
        }
        return Mono.defer(() -> queries.read(Actors.from(token), county, from, to, after, limit))
                .map(mapper::toList)
                .onErrorMap(OutsideJurisdictionException.class, outside -> new ProblemException(ProblemType.OUTSIDE_REGION, outside.getMessage()));
    }
}
