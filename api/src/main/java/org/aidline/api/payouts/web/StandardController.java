package org.aidline.api.payouts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.aidline.api.problem.ProblemException;
import org.aidline.api.security.Actors;
import org.aidline.registry.Programme;
import org.aidline.registry.standard.ProgrammeStandard;
import org.aidline.registry.standard.StandardChange;
import org.aidline.registry.standard.StandardDesk;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Programme standards per county (issue 13, item 3). */
@RestController
@Tag(name = "Registry payouts")
public class StandardController {

    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    private final StandardDesk desk;

    StandardController(StandardDesk desk) {
        this.desk = desk;
    }

    /** A standard: from the month of {@code effectiveFrom}, {@code monthlyAmount} yuan. */
    public record StandardRequest(@NotNull LocalDate effectiveFrom, @NotNull @Positive BigDecimal monthlyAmount) {
    }

    /** A standard as stored: versioned by its effective month. */
    public record StandardView(String county, Programme programme, LocalDate effectiveFrom, BigDecimal monthlyAmount, String changedBy,
            Instant changedAt) {

        static StandardView of(ProgrammeStandard standard) {
            return new StandardView(standard.countyCode(), standard.programme(), standard.effectiveFrom(),
                    Yuan.of(standard.monthlyAmountFen()), standard.changedBy(), standard.changedAt());
        }
    }

    /**
     * What setting the standard did.
     *
     * @param previousAmount the standard in force on its date before (none for a first standard)
     * @param enrolmentsRecomputed ACTIVE enrolments whose monthly amount changed: by the raise, or to the standard if it is the first
     * @param backPayments months already paid at the old amount, owed the difference in the next payroll
     */
    public record StandardChangeView(StandardView standard, @Nullable BigDecimal previousAmount, int enrolmentsRecomputed,
            int backPayments, BigDecimal backPaymentAmount) {
    }

    /** The standards of a county. */
    public record StandardList(String county, List<StandardView> standards) {
    }

    @PutMapping(path = "/api/v1/registry/standards/{county}/{programme}", consumes = JSON, produces = JSON)
    @Operation(operationId = "setStandard", summary = "Set a programme's monthly standard in a county from a month (supervisors of the county or the province)",
            description = "A new version from the month of effectiveFrom (this month or earlier). Every ACTIVE enrolment of the county "
                    + "and programme is recomputed in one statement, with its history; months already paid from then on are owed the "
                    + "difference, paid as back-payment lines by the next payroll.")
    @ApiResponse(responseCode = "400", description = "A later month than this one, or not a county: /problems/validation",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "409", description = "A later standard is set: /problems/state-conflict",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    Mono<StandardChangeView> set(@AuthenticationPrincipal Jwt token, @PathVariable String county, @PathVariable String programme,
            @Validated @RequestBody StandardRequest request) {
        return Mono.defer(() -> desk.set(Actors.from(token), county, programme(programme), request.effectiveFrom(),
                        Yuan.toFen(request.monthlyAmount(), "monthlyAmount")))
                .map(StandardController::view)
                .onErrorMap(RegistryProblems::of);
    }

    @GetMapping(path = "/api/v1/registry/standards/{county}", produces = JSON)
    @Operation(operationId = "listStandards", summary = "Every standard of a county, by programme and date (supervisors and auditors)")
    Mono<StandardList> list(@AuthenticationPrincipal Jwt token, @PathVariable String county) {
        return Mono.defer(() -> desk.of(Actors.from(token), county).map(StandardView::of).collectList())
                .map(standards -> new StandardList(county, standards))
                .onErrorMap(RegistryProblems::of);
    }

    private static StandardChangeView view(StandardChange change) {
        return new StandardChangeView(StandardView.of(change.standard()),
                change.previousAmountFen() == null ? null : Yuan.of(change.previousAmountFen()), change.enrolments(),
                change.backPayments(), Yuan.of(change.backPaymentFen()));
    }

    private static Programme programme(String code) {
        try {
            return Programme.valueOf(code);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("programme");
        }
    }
}
