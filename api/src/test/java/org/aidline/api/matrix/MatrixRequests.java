package org.aidline.api.matrix;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.aidline.api.matrix.MatrixWorld.Caller;
import org.aidline.api.matrix.MatrixWorld.Scope;
import org.aidline.api.matrix.MatrixWorld.Side;
import org.aidline.api.support.SampleReports;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;

/**
 * How to call each operation of the contract for a caller and a scope: the request that reaches
 * the scope's resource with a minimal valid body, and how to tell from the answer whether the
 * scope's fixture showed ({@code +}/{@code -} in the table). One entry per "METHOD path" of
 * openapi/aidline-v1.json.
 */
final class MatrixRequests {

    /** One request of a cell. {@code marker}: an id a list shows when the scope's fixture is visible (pages followed). */
    record Call(HttpMethod method, String uri, @Nullable Object body, MediaType contentType, Map<String, String> headers,
            @Nullable String marker, @Nullable Predicate<JsonNode> shows, boolean stream) {

        static Call of(HttpMethod method, String uri) {
            return new Call(method, uri, null, MediaType.APPLICATION_JSON, Map.of(), null, null, false);
        }

        Call body(Object value) {
            return new Call(method, uri, value, contentType, headers, marker, shows, stream);
        }

        Call header(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Call(method, uri, body, contentType, more, marker, shows, stream);
        }

        Call listing(String id) {
            return new Call(method, uri, body, contentType, headers, id, shows, stream);
        }

        Call showing(Predicate<JsonNode> check) {
            return new Call(method, uri, body, contentType, headers, marker, check, stream);
        }

        Call streaming() {
            return new Call(method, uri, body, contentType, headers, marker, shows, true);
        }

        /** A CSV body, as registry imports are sent. */
        Call csv(String text) {
            return new Call(method, uri, text, MediaType.parseMediaType("text/csv"), headers, marker, shows, stream);
        }

        /** A form-encoded body, as Open311 posts. */
        Call form(MultiValueMap<String, String> fields) {
            return new Call(method, uri, fields, MediaType.APPLICATION_FORM_URLENCODED, headers, marker, shows, stream);
        }
    }

    private static final HttpMethod GET = HttpMethod.GET;
    private static final HttpMethod POST = HttpMethod.POST;
    private static final HttpMethod PUT = HttpMethod.PUT;
    private static final HttpMethod DELETE = HttpMethod.DELETE;
    /** No grant and no policy is at this version: an allowed caller gets 412 and changes nothing. */
    private static final String STALE_GRANT = "\"999999\"";
    private static final String STALE_POLICY_OWN = "\"" + MatrixWorld.OWN_COUNTY + "-999999\"";

    private final MatrixWorld world;
    private final Map<String, BiFunction<Caller, Scope, Call>> calls = new LinkedHashMap<>();

    MatrixRequests(MatrixWorld world) {
        this.world = world;
        reports();
        grants();
        coordinatorTasks();
        devicesAndNotifications();
        moneyAndPolicy();
        identityAndTools();
        audit();
        supervision();
        ordinaryCases();
        referrals();
        open311();
        registryPayouts();
    }

    /**
     * The registry's payouts: runs named by an id no run has (a supervisor reaches 404, nothing is paid), a standard
     * from a future month and a payroll of 2099 (400 after the region check), a campaign of no amount (400).
     */
    private void registryPayouts() {
        String noRun = "0190d5e4-0000-7000-8000-000000000000";
        on(GET, "/api/v1/registry/standards/{county}", (caller, scope) -> Call.of(GET, "/api/v1/registry/standards/" + side(scope).county()));
        on(PUT, "/api/v1/registry/standards/{county}/{programme}", (caller, scope) -> Call.of(PUT, "/api/v1/registry/standards/"
                + side(scope).county() + "/MINIMUM_LIVING").body(Map.of("effectiveFrom", "2099-01-01", "monthlyAmount", 700)));
        on(POST, "/api/v1/payrolls", (caller, scope) -> Call.of(POST, "/api/v1/payrolls")
                .body(Map.of("programme", "MINIMUM_LIVING", "month", "2099-01", "county", side(scope).county())));
        on(GET, "/api/v1/payrolls/{id}", (caller, scope) -> Call.of(GET, "/api/v1/payrolls/" + noRun));
        on(POST, "/api/v1/campaigns", (caller, scope) -> Call.of(POST, "/api/v1/campaigns")
                .body(Map.of("name", "region matrix", "amountPerPerson", 0, "programmes", List.of("MINIMUM_LIVING"), "asOf", "2026-01-01")));
        on(POST, "/api/v1/campaigns/{id}/run", (caller, scope) -> Call.of(POST, "/api/v1/campaigns/" + noRun + "/run"));
        on(GET, "/api/v1/campaigns/{id}", (caller, scope) -> Call.of(GET, "/api/v1/campaigns/" + noRun));
    }

    /** Open311 names a report by its reference; the catalogue is public, and filing is the citizen's, as in the API. */
    private void open311() {
        on(GET, "/open311/v2/services.json", (caller, scope) -> Call.of(GET, "/open311/v2/services.json"));
        on(GET, "/open311/v2/services/{code}.json", (caller, scope) -> Call.of(GET, "/open311/v2/services/MEDICAL_EMERGENCY.json"));
        on(POST, "/open311/v2/requests.json", (caller, scope) -> Call.of(POST, "/open311/v2/requests.json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .form(open311Form(side(scope).village())));
        on(GET, "/open311/v2/requests.json", (caller, scope) -> {
            String reference = world.referenceOf(side(scope).reportId());
            return Call.of(GET, "/open311/v2/requests.json?service_request_id=" + reference).listing(reference);
        });
        on(GET, "/open311/v2/requests/{id}.json", (caller, scope) ->
                Call.of(GET, "/open311/v2/requests/" + world.referenceOf(side(scope).reportId()) + ".json"));
    }

    private void supervision() {
        // Queues are of the token's region: the other region's flagged grant never shows; naming its county is refused.
        on(GET, "/api/v1/supervision/queues/{queue}", (caller, scope) ->
                Call.of(GET, "/api/v1/supervision/queues/flagged-verifications?limit=100&from=" + world.startedAt).listing(side(scope).grantId()));
        on(GET, "/api/v1/supervision/queues", (caller, scope) -> Call.of(GET, "/api/v1/supervision/queues?county=" + side(scope).county()));
        on(GET, "/api/v1/statistics", (caller, scope) -> Call.of(GET, "/api/v1/statistics?county=" + side(scope).county()
                + "&from=" + world.startedAt));
        on(GET, "/api/v1/statistics/work-orders", (caller, scope) -> Call.of(GET, "/api/v1/statistics/work-orders?county="
                + side(scope).county() + "&from=" + world.startedAt));
        on(GET, "/api/v1/exports/ledger.csv", (caller, scope) -> Call.of(GET, "/api/v1/exports/ledger.csv?county=" + side(scope).county()
                + "&from=" + world.startedAt).listing(side(scope).grantId()));
        on(GET, "/api/v1/exports/grants.csv", (caller, scope) -> Call.of(GET, "/api/v1/exports/grants.csv?county=" + side(scope).county()
                + "&from=" + world.startedAt).listing(side(scope).grantId()));
        on(GET, "/api/v1/exports/reports.csv", (caller, scope) -> Call.of(GET, "/api/v1/exports/reports.csv?county=" + side(scope).county()
                + "&from=" + world.startedAt).listing(side(scope).reportId()));
    }

    private void audit() {
        on(GET, "/api/v1/audit", (caller, scope) -> Call.of(GET, "/api/v1/audit?limit=500&entityType=report&entityId=" + side(scope).reportId())
                .listing(side(scope).reportId()));
        on(GET, "/api/v1/audit/verify", (caller, scope) -> Call.of(GET, "/api/v1/audit/verify"));
    }

    Set<String> operations() {
        return calls.keySet();
    }

    Call call(String operation, Caller caller, Scope scope) {
        BiFunction<Caller, Scope, Call> call = calls.get(operation);
        if (call == null) {
            throw new IllegalStateException("No request for " + operation + " in MatrixRequests");
        }
        return call.apply(caller, scope);
    }

    private void on(HttpMethod method, String path, BiFunction<Caller, Scope, Call> call) {
        calls.put(method.name() + " " + path, call);
    }

    private Side side(Scope scope) {
        return world.side(scope);
    }

    private static java.util.Map<String, Object> workOrder(String village) {
        java.util.Map<String, Object> body = SampleReports.hotlineReport(village, "13700137000");
        body.put("orderNumber", "MATRIX-" + UUID.randomUUID());
        return body;
    }

    private void reports() {
        on(POST, "/api/v1/reports", (caller, scope) -> Call.of(POST, "/api/v1/reports")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(withVillage(SampleReports.selfReport(), side(scope).village())));
        on(POST, "/api/v1/hotline/reports", (caller, scope) -> Call.of(POST, "/api/v1/hotline/reports")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(SampleReports.hotlineReport(side(scope).village(), "13700137000")));
        // Only the 12345 platform files work orders (a new order number each time: a new report in the village).
        on(POST, "/api/v1/hotline/work-orders", (caller, scope) -> Call.of(POST, "/api/v1/hotline/work-orders")
                .body(workOrder(side(scope).village())));
        on(GET, "/api/v1/hotline/deliveries", (caller, scope) -> Call.of(GET, "/api/v1/hotline/deliveries?status=FAILED&limit=100"));
        on(POST, "/api/v1/hotline/deliveries/{id}/retry", (caller, scope) ->
                Call.of(POST, "/api/v1/hotline/deliveries/" + UUID.nameUUIDFromBytes(scope.name().getBytes()) + "/retry"));
        on(GET, "/api/v1/reports/{id}", (caller, scope) -> Call.of(GET, "/api/v1/reports/" + side(scope).reportId()));
        on(GET, "/api/v1/reports/{id}/call-backs", (caller, scope) -> Call.of(GET, "/api/v1/reports/" + side(scope).reportId() + "/call-backs"));
        // The scope's report is not closed: an operator of its region reaches "no call-back waiting" (409) and records nothing.
        on(POST, "/api/v1/reports/{id}/call-back", (caller, scope) -> Call.of(POST, "/api/v1/reports/" + side(scope).reportId() + "/call-back")
                .body(Map.of("reached", false)));
        on(GET, "/api/v1/call-backs", (caller, scope) -> Call.of(GET, "/api/v1/call-backs?limit=100"));
        on(GET, "/api/v1/me/reports", (caller, scope) -> Call.of(GET, "/api/v1/me/reports?limit=100").listing(side(scope).reportId()));
        on(GET, "/api/v1/reports", (caller, scope) -> Call.of(GET, "/api/v1/reports?limit=100&phone=" + world.phone)
                .listing(side(scope).reportId()));
        on(POST, "/api/v1/reports/{id}/identity", (caller, scope) -> Call.of(POST, "/api/v1/reports/" + side(scope).reportId() + "/identity")
                .body(Map.of("idNumber", SampleReports.newIdNumber())));
        on(POST, "/api/v1/reports/{id}/fast-track-override", (caller, scope) ->
                Call.of(POST, "/api/v1/reports/" + side(scope).reportId() + "/fast-track-override").body(Map.of("reason", "region matrix")));
        // The scope's report is no flag's: the county's supervisor reaches the 409, nothing is closed.
        on(POST, "/api/v1/reports/{id}/flag-outcome", (caller, scope) ->
                Call.of(POST, "/api/v1/reports/" + side(scope).reportId() + "/flag-outcome")
                        .body(Map.of("outcome", "CLEARED", "note", "region matrix")));
        // Only the REGISTRY_FEED machine client (no column of its own) sends events: every caller here is refused.
        on(POST, "/api/v1/registry/events", (caller, scope) -> Call.of(POST, "/api/v1/registry/events")
                .body(List.of(Map.of("source", "matrix", "eventId", "MATRIX-" + UUID.randomUUID(), "type", "CARER_LOST",
                        "idNumber", "11010519491231002X", "villageCode", side(scope).village(), "occurredOn", "2025-03-01"))));
        on(POST, "/api/v1/monitoring/flags", (caller, scope) -> Call.of(POST, "/api/v1/monitoring/flags?source=matrix")
                .body(List.of(Map.of("flagId", "MATRIX-" + UUID.randomUUID(), "villageCode", side(scope).village(),
                        "category", "BASIC_LIVING", "subjectName", "马建国", "householdSize", 3, "reason", "region matrix")))
                .showing(summary -> summary.get("accepted").asLong() == 1));
        // One person of the scope's village: accepted (shown) or refused as outside the caller's region.
        on(POST, "/api/v1/registry/imports", (caller, scope) -> Call.of(POST, "/api/v1/registry/imports")
                .csv("name,idNumber,villageCode,programme,monthlyAmount\n马建国," + SampleReports.newIdNumber() + "," + side(scope).village()
                        + ",MINIMUM_LIVING,780.00\n")
                .showing(summary -> summary.get("accepted").asLong() == 1));
        on(GET, "/api/v1/registry/imports/{id}", (caller, scope) -> Call.of(GET, "/api/v1/registry/imports/" + world.registryImportId(scope)));
    }

    private void grants() {
        on(GET, "/api/v1/grants", (caller, scope) -> Call.of(GET, "/api/v1/grants?status=AWAITING_DOCUMENTS&limit=100")
                .listing(side(scope).grantId()));
        on(GET, "/api/v1/grants/{id}", (caller, scope) -> Call.of(GET, "/api/v1/grants/" + side(scope).grantId()));
        on(POST, "/api/v1/grants/{id}/documents", (caller, scope) -> Call.of(POST, "/api/v1/grants/" + side(scope).grantId() + "/documents")
                .header("If-Match", STALE_GRANT)
                .body(Map.of("documents", List.of(Map.of("type", "HOSPITAL_DIAGNOSIS",
                        "sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                        "size", 1024, "uri", "https://files.example.gov.cn/matrix.pdf")))));
        on(GET, "/api/v1/grants/{id}/review", (caller, scope) -> Call.of(GET, "/api/v1/grants/" + side(scope).grantId() + "/review"));
        on(POST, "/api/v1/grants/{id}/review", (caller, scope) -> Call.of(POST, "/api/v1/grants/" + side(scope).grantId() + "/review")
                .header("If-Match", STALE_GRANT).body(Map.of("outcome", "CONFIRM", "reason", "region matrix")));
        on(POST, "/api/v1/grants/{id}/approval", (caller, scope) -> Call.of(POST, "/api/v1/grants/" + side(scope).grantId() + "/approval")
                .header("If-Match", STALE_GRANT).body(Map.of("approve", false, "reason", "region matrix")));
        on(GET, "/api/v1/verifications", (caller, scope) -> Call.of(GET, "/api/v1/verifications?status=FLAGGED&limit=100")
                .listing(side(scope).grantId()));
    }

    private void coordinatorTasks() {
        on(GET, "/api/v1/coordinator/tasks", (caller, scope) -> Call.of(GET, "/api/v1/coordinator/tasks?limit=100")
                .listing(side(scope).taskId()));
        on(GET, "/api/v1/coordinator/tasks/stream", (caller, scope) -> Call.of(GET, "/api/v1/coordinator/tasks/stream").streaming());
        on(GET, "/api/v1/coordinator/tasks/{id}", (caller, scope) -> Call.of(GET, "/api/v1/coordinator/tasks/" + side(scope).taskId()));
        on(POST, "/api/v1/coordinator/tasks/{id}/ack", (caller, scope) ->
                Call.of(POST, "/api/v1/coordinator/tasks/" + side(scope).taskId() + "/ack"));
        on(POST, "/api/v1/coordinator/tasks/{id}/visit", (caller, scope) ->
                Call.of(POST, "/api/v1/coordinator/tasks/" + side(scope).visitTaskId() + "/visit")
                        .body(Map.of("latitude", 38.4872, "longitude", 106.2309, "note", "region matrix")));
        // Never acknowledged: completing it is refused (409) however often the matrix runs.
        on(POST, "/api/v1/coordinator/tasks/{id}/complete", (caller, scope) ->
                Call.of(POST, "/api/v1/coordinator/tasks/" + side(scope).completeTaskId() + "/complete")
                        .body(Map.of("note", "region matrix")));
        // Chased: a record and a message, the task as it was. The other hand-offs are refused (more working days
        // than are left, an unknown extension, an assignee outside the county, a task not sent back), but one.
        on(POST, "/api/v1/coordinator/tasks/{id}/chase", (caller, scope) ->
                Call.of(POST, "/api/v1/coordinator/tasks/" + side(scope).completeTaskId() + "/chase").body(Map.of("note", "region matrix")));
        on(POST, "/api/v1/coordinator/tasks/{id}/extensions", (caller, scope) ->
                Call.of(POST, "/api/v1/coordinator/tasks/" + side(scope).completeTaskId() + "/extensions")
                        .body(Map.of("workingDays", 11, "reason", "region matrix")));
        on(POST, "/api/v1/coordinator/tasks/{id}/extensions/{extensionId}/decision", (caller, scope) ->
                Call.of(POST, "/api/v1/coordinator/tasks/" + side(scope).completeTaskId() + "/extensions/" + UUID.randomUUID() + "/decision")
                        .body(Map.of("decision", "GRANT")));
        on(POST, "/api/v1/coordinator/tasks/{id}/send-back", (caller, scope) ->
                Call.of(POST, "/api/v1/coordinator/tasks/" + side(scope).sendBackTaskId() + "/send-back")
                        .body(Map.of("reason", "NOT_MY_VILLAGE", "note", "region matrix")));
        on(POST, "/api/v1/coordinator/tasks/{id}/assignee", (caller, scope) ->
                Call.of(POST, "/api/v1/coordinator/tasks/" + side(scope).completeTaskId() + "/assignee")
                        .body(Map.of("assignee", "coord-659001001001")));
        on(POST, "/api/v1/coordinator/tasks/{id}/duplicate", (caller, scope) ->
                Call.of(POST, "/api/v1/coordinator/tasks/" + side(scope).completeTaskId() + "/duplicate").body(Map.of("note", "region matrix")));
        on(GET, "/api/v1/coordinator/availability", (caller, scope) -> Call.of(GET, "/api/v1/coordinator/availability"));
        on(PUT, "/api/v1/coordinator/availability", (caller, scope) -> Call.of(PUT, "/api/v1/coordinator/availability")
                .body(Map.of("available", true)));
    }

    private void devicesAndNotifications() {
        on(GET, "/api/v1/devices", (caller, scope) -> Call.of(GET, "/api/v1/devices")
                .listing(scope == Scope.OWN ? world.listedDeviceIds.getOrDefault(caller, "none") : world.other.coordinatorDeviceId()));
        on(POST, "/api/v1/devices", (caller, scope) -> Call.of(POST, "/api/v1/devices")
                .body(Map.of("provider", "FCM", "token", "matrix-" + UUID.randomUUID())));
        on(DELETE, "/api/v1/devices/{id}", (caller, scope) -> Call.of(DELETE, "/api/v1/devices/"
                + (scope == Scope.OWN ? world.removableDeviceIds.getOrDefault(caller, UUID.randomUUID().toString()) : world.other.coordinatorDeviceId())));
        on(GET, "/api/v1/notifications/dead-letters", (caller, scope) -> Call.of(GET, "/api/v1/notifications/dead-letters?limit=100")
                .listing(side(scope).deadLetterId()));
        on(POST, "/api/v1/notifications/{id}/retry", (caller, scope) ->
                Call.of(POST, "/api/v1/notifications/" + (scope == Scope.OWN ? world.own.retryDeadLetterId() : world.other.deadLetterId())
                        + "/retry"));
    }

    private void moneyAndPolicy() {
        on(GET, "/api/v1/payments", (caller, scope) -> Call.of(GET, "/api/v1/payments?status=PENDING&limit=100")
                .listing(side(scope).paymentId()));
        // PENDING (payments do not dispatch in tests): an allowed retry is refused as not FAILED.
        on(POST, "/api/v1/payments/{id}/retry", (caller, scope) -> Call.of(POST, "/api/v1/payments/" + side(scope).paymentId() + "/retry"));
        on(POST, "/api/v1/payments/callback", (caller, scope) -> Call.of(POST, "/api/v1/payments/callback")
                .body(Map.of("header", Map.of("message_id", "matrix-" + UUID.randomUUID(), "action", "on-disburse"),
                        "message", Map.of("disbursements_status", List.of(Map.of("reference_id", "matrix-unknown-" + UUID.randomUUID(),
                                "status", "PDNG"))))));
        on(GET, "/api/v1/ledger", (caller, scope) -> Call.of(GET, "/api/v1/ledger?limit=500&county=" + side(scope).county()
                + "&from=" + world.startedAt).listing(side(scope).grantId()));
        on(GET, "/api/v1/calendar/{year}", (caller, scope) -> Call.of(GET, "/api/v1/calendar/2026"));
        // A county supervisor is not the province's: refused before anything changes.
        on(PUT, "/api/v1/calendar/{year}", (caller, scope) -> Call.of(PUT, "/api/v1/calendar/2030").header("If-Match", "\"0\"")
                .body(Map.of("published", true, "days", List.of())));
        on(GET, "/api/v1/policies/{countyCode}", (caller, scope) -> Call.of(GET, "/api/v1/policies/" + side(scope).county()));
        on(GET, "/api/v1/policies/{countyCode}/versions", (caller, scope) -> Call.of(GET, "/api/v1/policies/" + side(scope).county() + "/versions"));
        on(PUT, "/api/v1/policies/{countyCode}", (caller, scope) -> Call.of(PUT, "/api/v1/policies/" + side(scope).county())
                .header("If-Match", STALE_POLICY_OWN).body(policy()));
    }

    /** Every step of the scope's case is done: asked again, an allowed caller is refused (409); a stale decision gets 412. */
    private void ordinaryCases() {
        on(GET, "/api/v1/reports/{id}/case", (caller, scope) -> Call.of(GET, "/api/v1/reports/" + ordinaryCase(scope).reportId() + "/case"));
        on(POST, "/api/v1/reports/{id}/investigation", (caller, scope) -> caseStep(scope, "investigation")
                .body(Map.of("findings", "region matrix", "householdSituation", "region matrix")));
        on(POST, "/api/v1/reports/{id}/means-test", (caller, scope) -> caseStep(scope, "means-test"));
        on(POST, "/api/v1/reports/{id}/deliberation", (caller, scope) -> caseStep(scope, "deliberation")
                .body(Map.of("verdict", "SUPPORTED", "present", 5, "inFavour", 4, "against", 1)));
        on(POST, "/api/v1/reports/{id}/notice", (caller, scope) -> caseStep(scope, "notice").body(Map.of("days", 1)));
        on(POST, "/api/v1/reports/{id}/objections", (caller, scope) -> caseStep(scope, "objections").body(Map.of("statement", "region matrix")));
        on(POST, "/api/v1/reports/{id}/objections/{objectionId}/resolution", (caller, scope) ->
                caseStep(scope, "objections/" + ordinaryCase(scope).objectionId() + "/resolution")
                        .body(Map.of("outcome", "UPHELD", "resolution", "region matrix")));
        on(POST, "/api/v1/reports/{id}/decision", (caller, scope) -> caseStep(scope, "decision").header("If-Match", STALE_GRANT)
                .body(Map.of("outcome", "GRANT", "amount", 1000)));
        on(POST, "/api/v1/supervision/filed-decisions/{decisionId}/review", (caller, scope) ->
                Call.of(POST, "/api/v1/supervision/filed-decisions/" + ordinaryCase(scope).filedDecisionId() + "/review")
                        .body(Map.of("filing", "OVERTURNED", "note", "region matrix")));
    }

    /** The scope's case is referred to a partner already (409 to refer again) and has an answered referral (409 to answer again). */
    private void referrals() {
        on(GET, "/api/v1/partners", (caller, scope) -> Call.of(GET, "/api/v1/partners"));
        on(POST, "/api/v1/reports/{id}/referrals", (caller, scope) -> caseStep(scope, "referrals")
                .body(Map.of("to", MatrixWorld.OrdinaryCase.REFERRED_TO, "reason", "region matrix")));
        on(GET, "/api/v1/referrals/{id}", (caller, scope) -> Call.of(GET, "/api/v1/referrals/" + ordinaryCase(scope).answeredReferralId()));
        on(POST, "/api/v1/referrals/{id}/answer", (caller, scope) ->
                Call.of(POST, "/api/v1/referrals/" + ordinaryCase(scope).answeredReferralId() + "/answer").body(Map.of("outcome", "DONE")));
    }

    private MatrixWorld.OrdinaryCase ordinaryCase(Scope scope) {
        return side(scope).ordinaryCase();
    }

    private Call caseStep(Scope scope, String action) {
        return Call.of(POST, "/api/v1/reports/" + ordinaryCase(scope).reportId() + "/" + action);
    }

    private void identityAndTools() {
        on(GET, "/api/v1/me", (caller, scope) -> Call.of(GET, "/api/v1/me"));
        on(GET, "/dev/jwks.json", (caller, scope) -> Call.of(GET, "/dev/jwks.json"));
        on(POST, "/dev/token", (caller, scope) -> Call.of(POST, "/dev/token").body(Map.of("sub", "matrix", "roles", List.of("CITIZEN"))));
    }

    private static MultiValueMap<String, String> open311Form(String village) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("service_code", "MEDICAL_EMERGENCY");
        form.add("description", "region matrix");
        form.add("attribute[village_code]", village);
        form.add("attribute[subject_name]", "马建国");
        form.add("attribute[subject_id_number]", SampleReports.newIdNumber());
        form.add("attribute[household_size]", "3");
        form.add("attribute[urgent]", "true");
        return form;
    }

    private static Map<String, Object> withVillage(Map<String, Object> body, String village) {
        body.put("villageCode", village);
        return body;
    }

    /** A valid policy; it is never put in force, since the If-Match the matrix sends is stale. */
    private static Map<String, Object> policy() {
        Map<String, Object> body = new HashMap<>();
        body.put("fastTrackCategories", List.of("MEDICAL_EMERGENCY"));
        body.put("referralCategories", List.of());
        body.put("excludedCategories", List.of());
        body.put("minimumLivingStandard", new BigDecimal("850.00"));
        body.put("standardAmounts", Map.of("MEDICAL_EMERGENCY", List.of(new BigDecimal("1200.00")), "OTHER", List.of(new BigDecimal("850.00"))));
        body.put("requiredDocuments", Map.of("MEDICAL_EMERGENCY", List.of("ID"), "OTHER", List.of("ID")));
        body.put("documentsDeadline", "P10D");
        body.put("frequencyWindow", "P30D");
        body.put("urgentAcknowledgement", "PT15M");
        body.put("normalAcknowledgement", "PT4H");
        body.put("reason", "region matrix");
        return body;
    }
}
