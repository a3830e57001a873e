package org.aidline.api.payouts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import org.aidline.api.security.Actors;
import org.aidline.registry.Programme;
import org.aidline.registry.payroll.NewPayroll;
import org.aidline.registry.payroll.Payroll;
import org.aidline.registry.payroll.PayrollDesk;
import org.aidline.registry.payroll.PayrollView;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Monthly payrolls (issue 13, item 4). */
@RestController
@Tag(name = "Registry payouts")
public class PayrollController {

    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    private final PayrollDesk desk;

    PayrollController(PayrollDesk desk) {
        this.desk = desk;
    }

    /** A payroll asked for: the month as {@code 2026-12}; without a county, every county of your region. */
    public record PayrollRequest(@NotNull Programme programme, @NotNull @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])") String month,
            @Nullable @Pattern(regexp = "\\d{6}") String county) {
    }

    /**
     * A payroll: monthly payments and back-payment lines with their amounts, per county, and the bank's progress.
     *
     * @param status RUNNING, or COMPLETED once every county is granted and every transaction answered by the bank for good
     */
    public record PayrollResponse(String id, Programme programme, String month, String region, @Nullable String county, String status,
            int payments, BigDecimal paymentAmount, int backPayments, BigDecimal backPaymentAmount, BigDecimal total,
            Instant createdAt, @Nullable Instant completedAt, RunProgressView progress) {

        static PayrollResponse of(PayrollView view) {
            Payroll payroll = view.payroll();
            var progress = view.progress();
            return new PayrollResponse(payroll.id().toString(), payroll.programme(), payroll.month().toString(), payroll.regionPrefix(),
                    payroll.countyCode(), payroll.status().name(), progress.payments(), Yuan.of(progress.paymentsFen()),
                    progress.backPays(), Yuan.of(progress.backPaysFen()), Yuan.of(progress.paymentsFen() + progress.backPaysFen()),
                    payroll.createdAt(), payroll.completedAt(), RunProgressView.of(progress));
        }
    }

    @PostMapping(path = "/api/v1/payrolls", consumes = JSON, produces = JSON)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "runPayroll", summary = "Run a month's payroll of a programme (supervisors of the county, or of the province for every county)",
            description = "One payment per ACTIVE enrolment and month, held unique by the database: a second payroll of the same "
                    + "month pays only whom the first did not. Back-payments owed by raised standards are added as lines. Counties are "
                    + "granted in the background (ledger entry PAYROLL per county) and paid in bulk bank messages; read progress with GET.")
    @ApiResponse(responseCode = "400", description = "A month after next month: /problems/validation",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "403", description = "Not a supervisor of that county: /problems/forbidden",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    Mono<PayrollResponse> run(@AuthenticationPrincipal Jwt token, @Validated @RequestBody PayrollRequest request) {
        return Mono.defer(() -> desk.run(Actors.from(token), new NewPayroll(request.programme(), YearMonth.parse(request.month()),
                        request.county())))
                .map(PayrollResponse::of)
                .onErrorMap(RegistryProblems::of);
    }

    @GetMapping(path = "/api/v1/payrolls/{id}", produces = JSON)
    @Operation(operationId = "getPayroll", summary = "A payroll with counts, amounts, failures and progress (supervisors and auditors)")
    Mono<PayrollResponse> read(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        return Mono.defer(() -> desk.read(Actors.from(token), RegistryProblems.id(id, "payroll")))
                .map(PayrollResponse::of)
                .onErrorMap(RegistryProblems::of);
    }
}
