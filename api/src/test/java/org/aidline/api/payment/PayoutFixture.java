package org.aidline.api.payment;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aidline.api.support.Filings;
import org.aidline.api.support.SampleReports;
import org.aidline.api.support.Tokens;
import org.aidline.intake.access.Role;
import org.aidline.intake.payment.PayeeAddress;
import org.aidline.intake.personaldata.PersonalDataProtector;
import org.aidline.intake.report.ResidentId;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Files reports and reads what became of their payments: through the API where one exists, else from the database. */
@TestComponent
public class PayoutFixture {

    private final WebTestClient web;
    private final DatabaseClient database;
    private final JsonMapper json;
    private final PersonalDataProtector protector;
    private final Tokens tokens;

    public PayoutFixture(WebTestClient web, DatabaseClient database, JsonMapper json, PersonalDataProtector protector, Tokens tokens) {
        this.web = web;
        this.database = database;
        this.json = json;
        this.protector = protector;
        this.tokens = tokens;
    }

    /** A filed report's grant and the reference of its payment instruction. */
    public record Filed(UUID reportId, UUID grantId, String reference) {
    }

    /** The gateway address of the household of a sample report. */
    public String payeeOf(Map<String, Object> body) {
        String idNumber = (String) SampleReports.subjectOf(body).get("idNumber");
        return PayeeAddress.of(protector.householdKey(new ResidentId(idNumber)));
    }

    public Filed file(Tokens.Caller citizen, Map<String, Object> body) {
        return filed(new Filings(web, json).file(citizen, body));
    }

    public Filed file(int port, Tokens.Caller citizen, Map<String, Object> body) {
        String answer = Filings.over(WebClient.create("http://127.0.0.1:" + port), Filings.REPORTS, citizen.bearer(), Filings.newKey(), body)
                .retrieve().bodyToMono(String.class).block(Duration.ofSeconds(30));
        return filed(json.readTree(answer));
    }

    Filed filed(JsonNode report) {
        UUID grantId = UUID.fromString(report.at("/grant/id").asString());
        String reference = database.sql("select reference_id from payment_instruction where grant_id = :grant and kind = 'PAYMENT'")
                .bind("grant", grantId).map(row -> row.get(0, String.class)).one().block();
        return new Filed(UUID.fromString(report.get("id").asString()), grantId, reference);
    }

    public void awaitPaid(Filed filed) {
        await().atMost(Duration.ofSeconds(30)).until(() -> "PAID".equals(status(filed)));
    }

    public String status(Filed filed) {
        return column(filed, "status", String.class);
    }

    public String lastError(Filed filed) {
        return column(filed, "last_error", String.class);
    }

    public int attempts(Filed filed) {
        return column(filed, "attempts", Integer.class);
    }

    private <T> T column(Filed filed, String column, Class<T> type) {
        return database.sql("select " + column + " from payment_instruction where reference_id = :reference")
                .bind("reference", filed.reference())
                .map(row -> java.util.Optional.ofNullable(row.get(0, type))).one().block().orElse(null);
    }

    /**
     * A second PAYMENT instruction of {@code amountFen} for each grant, as a review adds one, held back
     * so that they can be released at once as a backlog.
     */
    public List<UUID> backlog(List<Filed> grants, long amountFen) {
        List<UUID> ids = new ArrayList<>();
        for (Filed grant : grants) {
            UUID id = UUID.randomUUID();
            database.sql("""
                    insert into payment_instruction (id, reference_id, grant_id, kind, amount_fen, status, next_attempt_at, created_at, updated_at)
                    values (:id, :reference, :grant, 'PAYMENT', :amount, 'PENDING', now() + interval '1 day', now(), now())
                    """).bind("id", id).bind("reference", id.toString()).bind("grant", grant.grantId()).bind("amount", amountFen)
                    .fetch().rowsUpdated().block();
            ids.add(id);
        }
        return ids;
    }

    public void release(List<UUID> instructions) {
        database.sql("update payment_instruction set next_attempt_at = now() where id = any(:ids)")
                .bind("ids", instructions.toArray(UUID[]::new)).fetch().rowsUpdated().block();
    }

    public long paidOf(List<UUID> instructions) {
        return database.sql("select count(*) from payment_instruction where id = any(:ids) and status = 'PAID'")
                .bind("ids", instructions.toArray(UUID[]::new)).map(row -> row.get(0, Long.class)).one().block();
    }

    /** The amounts of the grant's ledger entries of a kind, in fen. */
    public List<Long> ledgered(Filed filed, String kind) {
        return database.sql("select amount_fen from ledger_entry where grant_id = :grant and kind = :kind order by id")
                .bind("grant", filed.grantId()).bind("kind", kind)
                .map(row -> row.get(0, Long.class)).all().collectList().block();
    }

    /** Who the audit trail says made the grant's ledger entries of a kind, in order. */
    public List<String> ledgeredBy(Filed filed, String kind) {
        return database.sql("select e.actor from audit_event e join ledger_entry l on e.entity_type = 'ledger_entry' "
                        + "and e.entity_id = l.id::text where l.grant_id = :grant and l.kind = :kind order by e.id")
                .bind("grant", filed.grantId()).bind("kind", kind)
                .map(row -> row.get(0, String.class)).all().collectList().block();
    }

    /** The types of the report's history, in order. */
    public List<String> history(Filed filed) {
        return database.sql("select type from report_event where report_id = :report order by sequence")
                .bind("report", filed.reportId())
                .map(row -> row.get(0, String.class)).all().collectList().block();
    }

    /** The references of every FAILED instruction the caller is shown, page after page. */
    public List<String> failedSeenBy(Tokens.Caller staff) {
        List<String> references = new ArrayList<>();
        String cursor = null;
        do {
            String uri = "/api/v1/payments?status=FAILED&limit=50" + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode page = web.get().uri(uri).header("Authorization", staff.bearer()).exchange()
                    .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            page.get("items").forEach(item -> references.add(item.get("referenceId").asString()));
            cursor = page.has("nextCursor") ? page.get("nextCursor").asString() : null;
        } while (cursor != null);
        return references;
    }

    public UUID paymentId(Filed filed) {
        return database.sql("select id from payment_instruction where reference_id = :reference")
                .bind("reference", filed.reference()).map(row -> row.get(0, UUID.class)).one().block();
    }

    public WebTestClient.ResponseSpec retry(Tokens.Caller staff, Filed filed) {
        return web.post().uri("/api/v1/payments/{id}/retry", paymentId(filed)).header("Authorization", staff.bearer()).exchange();
    }

    /** The gateway's on-disburse callback about one reference. */
    public WebTestClient.ResponseSpec callback(String reference, String status, String reasonCode) {
        Map<String, Object> result = new HashMap<>(Map.of("reference_id", reference, "status", status));
        if (reasonCode != null) {
            result.put("status_reason_code", reasonCode);
        }
        Map<String, Object> body = Map.of(
                "header", Map.of("message_id", UUID.randomUUID().toString(), "message_ts", "2025-01-01T00:00:00Z",
                        "action", "on-disburse", "status", "SUCC"),
                "message", Map.of("transaction_id", UUID.randomUUID().toString(), "disbursements_status", List.of(result)));
        return web.post().uri("/api/v1/payments/callback")
                .header("Authorization", "Bearer " + tokens.issue("bank-gateway", List.of(Role.PAYMENT_GATEWAY), null))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
