package org.aidline.api.payouts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.aidline.api.security.Actors;
import org.aidline.registry.Programme;
import org.aidline.registry.campaign.Campaign;
import org.aidline.registry.campaign.CampaignDesk;
import org.aidline.registry.campaign.CampaignView;
import org.aidline.registry.campaign.NewCampaign;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

/** One-off campaigns (issue 13, item 5): created, run (any number of times: each person is paid once), and read. */
@RestController
@Tag(name = "Registry payouts", description = "Programme standards, monthly payrolls and one-off campaigns")
public class CampaignController {

    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    private final CampaignDesk desk;

    CampaignController(CampaignDesk desk) {
        this.desk = desk;
    }

    /** A campaign asked for. */
    public record CampaignRequest(@NotBlank @Size(max = 200) String name, @NotNull @Positive BigDecimal amountPerPerson,
            @NotEmpty List<@NotNull Programme> programmes, @NotNull LocalDate asOf) {
    }

    /**
     * A campaign: {@code persons} granted so far (each person once, however many programmes), the amount, and totals per county.
     *
     * @param status CREATED, RUNNING or COMPLETED (every county granted and every transaction answered by the bank for good)
     */
    public record CampaignResponse(String id, String name, BigDecimal amountPerPerson, List<Programme> programmes, LocalDate asOf,
            String region, String status, int persons, BigDecimal amount, @Nullable Instant startedAt, @Nullable Instant completedAt,
            RunProgressView progress) {

        static CampaignResponse of(CampaignView view) {
            Campaign campaign = view.campaign();
            return new CampaignResponse(campaign.id().toString(), campaign.name(), Yuan.of(campaign.amountPerPersonFen()),
                    campaign.programmes(), campaign.asOf(), campaign.regionPrefix(), campaign.status().name(), view.progress().payments(),
                    Yuan.of(view.progress().paymentsFen()), campaign.startedAt(), campaign.completedAt(), RunProgressView.of(view.progress()));
        }
    }

    @PostMapping(path = "/api/v1/campaigns", consumes = JSON, produces = JSON)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createCampaign", summary = "Create a one-off campaign for your region (supervisors of a county, prefecture or the province)",
            description = "It pays amountPerPerson once to every person with an ACTIVE enrolment, started by asOf, in one of the "
                    + "programmes, in the counties of your region. Nothing is paid until it is run.")
    @ApiResponse(responseCode = "409", description = "A campaign of that name exists for your region: /problems/state-conflict",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    Mono<ResponseEntity<CampaignResponse>> create(@AuthenticationPrincipal Jwt token, @Validated @RequestBody CampaignRequest request) {
        return Mono.defer(() -> desk.create(Actors.from(token), new NewCampaign(request.name(),
                        Yuan.toFen(request.amountPerPerson(), "amountPerPerson"), request.programmes(), request.asOf())))
                .map(CampaignResponse::of)
                .map(created -> ResponseEntity.created(URI.create("/api/v1/campaigns/" + created.id())).body(created))
                .onErrorMap(RegistryProblems::of);
    }

    @PostMapping(path = "/api/v1/campaigns/{id}/run", produces = JSON)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "runCampaign", summary = "Run (or run again) a campaign (supervisors covering all of its counties)",
            description = "Counties are granted in the background by any instance, each in one statement, with its ledger entry "
                    + "(CAMPAIGN) and its bulk bank messages; a person is granted once per campaign, whatever runs twice or on two "
                    + "instances at once. Read progress with GET.")
    @ApiResponse(responseCode = "409", description = "Before its asOf date: /problems/state-conflict",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    Mono<CampaignResponse> run(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        return Mono.defer(() -> desk.run(Actors.from(token), RegistryProblems.id(id, "campaign")))
                .map(CampaignResponse::of)
                .onErrorMap(RegistryProblems::of);
    }

    @GetMapping(path = "/api/v1/campaigns/{id}", produces = JSON)
    @Operation(operationId = "getCampaign", summary = "A campaign with persons paid so far, the amount and totals per county (supervisors and auditors)")
    Mono<CampaignResponse> read(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        return Mono.defer(() -> desk.read(Actors.from(token), RegistryProblems.id(id, "campaign")))
                .map(CampaignResponse::of)
                .onErrorMap(RegistryProblems::of);
    }
}
