package org.aidline.api.referral.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.aidline.api.problem.ProblemException;
import org.aidline.api.problem.ProblemType;
import org.aidline.api.security.Actors;
import org.aidline.intake.casework.CaseClosure;
import org.aidline.intake.money.Money;
import org.aidline.intake.policy.OutsideJurisdictionException;
import org.aidline.intake.referral.ReferralAnswer;
import org.aidline.intake.referral.ReferralConflictException;
import org.aidline.intake.referral.ReferralDesk;
import org.aidline.intake.referral.ReferralNotFoundException;
import org.aidline.intake.referral.ReferralStatus;
import org.aidline.intake.report.ReportId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Partners (departments and charities), referring a report to one, and the partner's answer. */
@RestController
@Tag(name = "Referrals", description = "Cases handed over to departments and charities, followed until they answer")
public class ReferralController {

    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    private final ReferralDesk desk;
    private final CaseClosure closure;

    ReferralController(ReferralDesk desk, CaseClosure closure) {
        this.desk = desk;
        this.closure = closure;
    }

    @Schema(name = "Partner")
    record PartnerView(@Schema(example = "CHARITY_FEDERATION") String code, String name, String nameZh,
            @Schema(example = "CHARITY") String kind, @Schema(example = "WEBHOOK") String channel) {
    }

    @Schema(name = "ReferralRequest")
    record ReferralRequest(
            @Schema(example = "CHARITY_FEDERATION", description = "The partner's code (GET /api/v1/partners)")
            @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}") String to,
            @Schema(example = "Medical bills beyond what temporary aid covers") @NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(name = "ReferralAnswerRequest")
    record AnswerRequest(
            @Schema(example = "DONE", allowableValues = {"ACCEPTED", "DECLINED", "DONE"}) @NotNull ReferralStatus outcome,
            @Schema(example = "Paid the hospital deposit") @Nullable @Size(max = 4000) String note,
            @Schema(example = "5000.00", description = "With DONE: what the partner paid the household, in yuan")
            @Nullable @DecimalMin("0.01") @Digits(integer = 9, fraction = 2) BigDecimal amount) {
    }

    @GetMapping(path = "/api/v1/partners", produces = JSON)
    @Operation(operationId = "listPartners", summary = "The departments and charities cases are referred to, and how each is reached (staff, partners)")
    @ApiResponse(responseCode = "200", description = "Every partner",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = PartnerView.class))))
    Mono<List<PartnerView>> partners() {
        return desk.partners()
                .map(partner -> new PartnerView(partner.code(), partner.name(), partner.nameZh(), partner.kind().name(),
                        partner.channel().name()))
                .collectList();
    }

    @PostMapping(path = "/api/v1/reports/{id}/referrals", consumes = JSON, produces = JSON)
    @Operation(operationId = "referReport", summary = "Refer a report to a partner (coordinators and supervisors of its region)",
            description = "A webhook partner is sent the referral, signed, through an outbox (delivered once it is recorded, "
                    + "never lost); a manual one is handed over by staff. Either way the partner must answer by answerDueAt or "
                    + "the referral escalates. A referral may run beside a grant.")
    @ApiResponse(responseCode = "201", description = "Referred", content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @ApiResponse(responseCode = "409", description = "Referred to this partner already and not answered, or the report is closed: "
            + "/problems/state-conflict", content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    Mono<ResponseEntity<ReferralView>> refer(@AuthenticationPrincipal Jwt token, @PathVariable String id,
            @Validated @RequestBody ReferralRequest request) {
        ReportId report;
        try {
            report = ReportId.parse(id);
        } catch (IllegalArgumentException e) {
            return Mono.error(ProblemException.notFound("report"));
        }
        return Mono.defer(() -> desk.refer(report, request.to(), request.reason(), Actors.from(token)))
                .map(ReferralView::of)
                .map(referred -> ResponseEntity.created(URI.create("/api/v1/referrals/" + referred.id())).body(referred))
                .onErrorMap(ReferralController::translate);
    }

    @GetMapping(path = "/api/v1/referrals/{id}", produces = JSON)
    @Operation(operationId = "getReferral", summary = "A referral (staff of its region, its partner)")
    @ApiResponse(responseCode = "200", description = "The referral", content = @Content(schema = @Schema(implementation = ReferralView.class)))
    Mono<ReferralView> find(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        UUID referral = uuid(id);
        if (referral == null) {
            return Mono.error(ProblemException.notFound("referral"));
        }
        return Mono.defer(() -> desk.find(referral, Actors.from(token))).map(ReferralView::of).onErrorMap(ReferralController::translate);
    }

    @PostMapping(path = "/api/v1/referrals/{id}/answer", consumes = JSON, produces = JSON)
    @Operation(operationId = "answerReferral", summary = "Answer a referral: ACCEPTED, DECLINED or DONE (the partner; a supervisor of the region for it)",
            description = "DONE may say what the partner paid the household: recorded on the referral and in the report's history, "
                    + "not on the county's ledger. The report closes if this was all it waited for.")
    @ApiResponse(responseCode = "200", description = "Answered", content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @ApiResponse(responseCode = "409", description = "Answered already: /problems/state-conflict",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    Mono<ReferralView> answer(@AuthenticationPrincipal Jwt token, @PathVariable String id, @Validated @RequestBody AnswerRequest request) {
        UUID referral = uuid(id);
        if (referral == null) {
            return Mono.error(ProblemException.notFound("referral"));
        }
        if (request.outcome() == ReferralStatus.OPEN) {
            return Mono.error(ProblemException.invalid("outcome", "is ACCEPTED, DECLINED or DONE"));
        }
        if (request.amount() != null && request.outcome() != ReferralStatus.DONE) {
            return Mono.error(ProblemException.invalid("amount", "is only for DONE"));
        }
        ReferralAnswer answer = new ReferralAnswer(request.outcome(), request.note(),
                request.amount() == null ? null : Money.ofYuan(request.amount()));
        return Mono.defer(() -> desk.answer(referral, answer, Actors.from(token)))
                .flatMap(answered -> closure.closeIfDone(answered.reportId()).thenReturn(answered))
                .map(ReferralView::of)
                .onErrorMap(ReferralController::translate);
    }

    private static Throwable translate(Throwable failure) {
        if (failure instanceof ReferralNotFoundException) {
            return new ProblemException(ProblemType.NOT_FOUND, failure.getMessage());
        }
        if (failure instanceof OutsideJurisdictionException) {
            return new ProblemException(ProblemType.OUTSIDE_REGION, failure.getMessage());
        }
        if (failure instanceof ReferralConflictException) {
            return new ProblemException(ProblemType.STATE_CONFLICT, failure.getMessage());
        }
        return failure;
    }

    private static @Nullable UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
