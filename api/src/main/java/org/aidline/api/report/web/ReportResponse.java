package org.aidline.api.report.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.aidline.api.casework.web.CaseView;
import org.aidline.api.grant.web.GrantDocumentView;
import org.jspecify.annotations.Nullable;

/** A report as clients see it: the ID number masked, amounts in yuan, times in UTC. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportResponse(
        String id,
        String reference,
        String channel,
        String status,
        String category,
        String description,
        String villageCode,
        String countyCode,
        boolean urgent,
        @Nullable BigDecimal requestedAmount,
        SubjectView subject,
        @Nullable LocationView location,
        List<AttachmentView> attachments,
        @Nullable CallerView caller,
        @Nullable String callId,
        @Schema(description = "The 12345 platform's work order the report was filed from") @Nullable String orderNumber,
        Instant createdAt,
        Instant updatedAt,
        @Nullable TriageView triage,
        @Nullable GrantView grant,
        List<EventView> history,
        @JsonProperty("case") @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The case's steps and decision (GET of one report; an ordinary case or an emergency's after-payment steps)")
        @Nullable CaseView caseView,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The clock of the report's coordinator task (its latest round): sign-for and handling deadlines and the "
                + "light now (GET of one report, once its task is open)")
        @Nullable WorkOrderView workOrder) {

    /** The report with its case, as GET /api/v1/reports/{id} answers it (static: MapStruct would take a wither for a property). */
    public static ReportResponse withCase(ReportResponse r, CaseView view) {
        return new ReportResponse(r.id, r.reference, r.channel, r.status, r.category, r.description, r.villageCode, r.countyCode, r.urgent,
                r.requestedAmount, r.subject, r.location, r.attachments, r.caller, r.callId, r.orderNumber, r.createdAt, r.updatedAt, r.triage, r.grant,
                r.history, view, r.workOrder);
    }

    /** The report with its task's clock. */
    public static ReportResponse withWorkOrder(ReportResponse r, WorkOrderView clock) {
        return new ReportResponse(r.id, r.reference, r.channel, r.status, r.category, r.description, r.villageCode, r.countyCode, r.urgent,
                r.requestedAmount, r.subject, r.location, r.attachments, r.caller, r.callId, r.orderNumber, r.createdAt, r.updatedAt, r.triage, r.grant,
                r.history, r.caseView, clock);
    }

    /**
     * Where the report's work order stands against its limits: the task's round (2, 3, ... after a
     * reopening) and status, when it must be signed for and handled (in working days, as the policy
     * says), and its light now (null once handled).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WorkOrderView(int round, String taskStatus, @Nullable Instant signForBy, @Nullable Instant handleBy,
            @Schema(allowableValues = {"GREEN", "YELLOW", "RED"}) @Nullable String light) {
    }

    /** What triage decided, why, and under which policy (county or province default, and version). */
    public record TriageView(String decision, List<String> reasons, String policyCounty, int policyVersion,
            @Nullable String linkedReport) {
    }

    /** The fast-track grant: paid now up to the cap; the rest, if any, awaits the county supervisor. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GrantView(String id, String status, BigDecimal amount, BigDecimal awaitingApproval,
            List<String> requiredDocuments, @Nullable Instant documentsDueAt, String policyCounty, int policyVersion,
            List<GrantDocumentView> documents, List<String> missingDocuments, @Nullable String cancellationReason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SubjectView(String name, @Nullable String idNumber, @Nullable String phone, int householdSize) {
    }

    public record LocationView(double lat, double lon) {
    }

    public record AttachmentView(String type, String sha256, long size, String uri) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CallerView(String phone, @Nullable String name, @Nullable String relation) {
    }

    public record EventView(int sequence, String type, Instant at, String actor, Map<String, Object> detail) {
    }
}
