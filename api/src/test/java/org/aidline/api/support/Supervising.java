package org.aidline.api.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aidline.api.support.Tokens.Caller;
import org.aidline.intake.access.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Files fast-track reports and takes supervisor decisions through the HTTP API, and reads what they booked. */
public final class Supervising {

    private final WebTestClient web;
    private final Tokens tokens;
    private final JsonMapper json;
    private final DatabaseClient database;
    private final Filings filings;

    public Supervising(WebTestClient web, Tokens tokens, JsonMapper json, DatabaseClient database) {
        this.web = web;
        this.tokens = tokens;
        this.json = json;
        this.database = database;
        this.filings = new Filings(web, json);
    }

    /** An urgent medical emergency in the village, for a household of its own; no amount asks for the standard one. */
    public JsonNode fileUrgent(String villageCode, @Nullable String requestedYuan) {
        return fileUrgent(villageCode, requestedYuan, SampleReports.newIdNumber());
    }

    public JsonNode fileUrgent(String villageCode, @Nullable String requestedYuan, String idNumber) {
        Map<String, Object> body = SampleReports.selfReport();
        body.put("villageCode", villageCode);
        if (requestedYuan == null) {
            body.remove("requestedAmount");
        } else {
            body.put("requestedAmount", new java.math.BigDecimal(requestedYuan));
        }
        SampleReports.subjectOf(body).put("idNumber", idNumber);
        return file(body);
    }

    public JsonNode file(Map<String, Object> body) {
        return filings.file(tokens.newCitizen(), body);
    }

    public Caller supervisor(String region) {
        return tokens.staff(Role.SUPERVISOR, region);
    }

    public WebTestClient.ResponseSpec review(Caller caller, String grantId, Map<String, Object> body, @Nullable String ifMatch) {
        return post(caller, "/api/v1/grants/" + grantId + "/review", body, ifMatch);
    }

    public WebTestClient.ResponseSpec approval(Caller caller, String grantId, boolean approve, String reason) {
        return post(caller, "/api/v1/grants/" + grantId + "/approval", Map.of("approve", approve, "reason", reason), null);
    }

    public WebTestClient.ResponseSpec override(Caller caller, String reportId, String reason) {
        return post(caller, "/api/v1/reports/" + reportId + "/fast-track-override", Map.of("reason", reason), null);
    }

    public WebTestClient.ResponseSpec post(Caller caller, String path, Map<String, Object> body, @Nullable String ifMatch) {
        WebTestClient.RequestBodySpec request = web.post().uri(path).header("Authorization", caller.bearer());
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    public JsonNode body(WebTestClient.ResponseSpec response, int status) {
        return json.readTree(response.expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody());
    }

    public static Map<String, Object> decision(String outcome, @Nullable String amountYuan, @Nullable String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("outcome", outcome);
        if (amountYuan != null) {
            body.put("amount", new java.math.BigDecimal(amountYuan));
        }
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }

    /** The report as its county's supervisor reads it. */
    public JsonNode report(String reportId, String county) {
        return json.readTree(web.get().uri("/api/v1/reports/" + reportId).header("Authorization", supervisor(county).bearer())
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    /** Signed fen of the grant's ledger entries of one kind, in append order. */
    public List<Long> ledger(String grantId, String kind) {
        return database.sql("select amount_fen from ledger_entry where grant_id = :grant and kind = :kind order by id")
                .bind("grant", UUID.fromString(grantId)).bind("kind", kind)
                .map(row -> row.get(0, Long.class)).all().collectList().block();
    }

    /** Fen of the grant's payment instructions of one kind, in the order they were issued. */
    public List<Long> instructions(String grantId, String kind) {
        return database.sql("select amount_fen from payment_instruction where grant_id = :grant and kind = :kind order by created_at, id")
                .bind("grant", UUID.fromString(grantId)).bind("kind", kind)
                .map(row -> row.get(0, Long.class)).all().collectList().block();
    }

    public long amountFen(String grantId) {
        return database.sql("select amount_fen from aid_grant where id = :grant").bind("grant", UUID.fromString(grantId))
                .map(row -> row.get(0, Long.class)).one().block();
    }

    public void execute(String sql, String grantId) {
        database.sql(sql).bind("grant", UUID.fromString(grantId)).fetch().rowsUpdated().block();
    }
}
