package org.aidline.api.payment;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bank payment gateway behind WireMock, as G2P Connect describes it: it pays a reference once
 * and refuses it as a duplicate after that, and answers status queries about what it holds.
 * WireMock stubs put faults in front of it; this class is the gateway's memory.
 */
public class FakeBank implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "fake-bank";

    /** How the bank answers a new disbursement to a payee. */
    public enum Behaviour { PAY, PEND, REJECT_PAYEE }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Disbursed> disbursed = new ConcurrentHashMap<>();
    private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final Set<String> statusFailsOnce = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    /** A disbursement the bank took: to whom, how much, and how often it was paid (never more than once here). */
    public record Disbursed(String payee, String amount, String currency, String note, AtomicInteger paid, Behaviour behaviour) {
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    public void behave(String payee, Behaviour behaviour) {
        behaviours.put(payee, behaviour);
    }

    /** The first status query about this payee's disbursement fails with 500. */
    public void failFirstStatusQuery(String payee) {
        statusFailsOnce.add(payee);
    }

    /** Settles a pending disbursement, as the bank does before its callback. */
    public void settle(String reference) {
        Disbursed held = disbursed.get(reference);
        disbursed.put(reference, new Disbursed(held.payee(), held.amount(), held.currency(), held.note(), held.paid(), Behaviour.PAY));
        held.paid().incrementAndGet();
    }

    public Disbursed disbursed(String reference) {
        return disbursed.get(reference);
    }

    /** When (System.nanoTime) the first disburse request for this payee arrived, if it has. */
    public Long firstSeen(String payee) {
        return firstSeen.get(payee);
    }

    /** How many disburse requests for this payee reached the bank (faults in front of it not counted). */
    public int requests(String payee) {
        AtomicInteger count = requests.get(payee);
        return count == null ? 0 : count.get();
    }

    /** Every reference the bank paid more than once: there must be none. */
    public List<String> paidTwice() {
        return disbursed.entrySet().stream().filter(entry -> entry.getValue().paid().get() > 1).map(Map.Entry::getKey).toList();
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        JsonNode body = JSON.readTree(event.getRequest().getBodyAsString());
        return event.getRequest().getUrl().endsWith("/txn/status")
                ? status(event, body.at("/message/txnstatus_request/attribute_value/0").asString())
                : disburse(event, body.at("/message/disbursements/0"));
    }

    private ResponseDefinition disburse(ServeEvent event, JsonNode item) {
        String reference = item.get("reference_id").asString();
        String payee = item.get("payee_fa").asString();
        firstSeen.putIfAbsent(payee, System.nanoTime());
        requests.computeIfAbsent(payee, key -> new AtomicInteger()).incrementAndGet();
        Behaviour behaviour = behaviours.getOrDefault(payee, Behaviour.PAY);
        Disbursed earlier = disbursed.putIfAbsent(reference, new Disbursed(payee, item.get("amount").asString(),
                item.get("currency_code").asString(), item.get("note").asString(),
                new AtomicInteger(behaviour == Behaviour.PAY ? 1 : 0), behaviour));
        if (earlier != null) {
            return answer(event, 200, reference, "RJCT", "rjct.reference_id.duplicate");
        }
        if (behaviour == Behaviour.REJECT_PAYEE) {
            // A refusal is not a disbursement: the same reference may come again after the payee is fixed.
            disbursed.remove(reference);
            return answer(event, 200, reference, "RJCT", "rjct.payee_fa.invalid");
        }
        return answer(event, 200, reference, behaviour == Behaviour.PEND ? "PDNG" : "SUCC", null);
    }

    private ResponseDefinition status(ServeEvent event, String reference) {
        Disbursed held = disbursed.get(reference);
        if (held != null && statusFailsOnce.remove(held.payee())) {
            return ResponseDefinitionBuilder.like(event.getResponseDefinition()).but().withStatus(500).withBody("{}").build();
        }
        if (held == null) {
            return json(event, 200, Map.of("header", Map.of("status", "SUCC"),
                    "message", Map.of("txnstatus_response", Map.of("txn_type", "on-disburse", "txn_status",
                            Map.of("disbursements_status", List.of())))));
        }
        String status = held.behaviour() == Behaviour.PEND ? "PDNG" : "SUCC";
        return json(event, 200, Map.of("header", Map.of("status", "SUCC"),
                "message", Map.of("txnstatus_response", Map.of("txn_type", "on-disburse", "txn_status",
                        Map.of("disbursements_status", List.of(Map.of("reference_id", reference, "status", status)))))));
    }

    private ResponseDefinition answer(ServeEvent event, int httpStatus, String reference, String status, String reasonCode) {
        Map<String, Object> item = new HashMap<>(Map.of("reference_id", reference, "status", status,
                "timestamp", Instant.now().toString()));
        if (reasonCode != null) {
            item.put("status_reason_code", reasonCode);
        }
        return json(event, httpStatus, Map.of(
                "header", Map.of("message_id", UUID.randomUUID().toString(), "action", "on-disburse", "status", "SUCC"),
                "message", Map.of("transaction_id", UUID.randomUUID().toString(), "disbursements_status", List.of(item))));
    }

    private static ResponseDefinition json(ServeEvent event, int httpStatus, Object body) {
        // like(...) keeps what the stub set, e.g. a delay longer than the client waits.
        return ResponseDefinitionBuilder.like(event.getResponseDefinition()).but()
                .withStatus(httpStatus)
                .withHeader("Content-Type", "application/json")
                .withBody(JSON.writeValueAsString(body))
                .build();
    }
}
