package org.aidline.api.payouts;

import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bank behind WireMock that takes G2P Connect bulk disbursements: it pays each reference once,
 * answers a reference it already has as a duplicate, and reports the status of many references at
 * once. Its memory is what the tests check: nobody paid twice, nobody missed.
 */
public class BulkBank implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "bulk-bank";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, AtomicInteger> paid = new ConcurrentHashMap<>();
    private final Map<String, String> amounts = new ConcurrentHashMap<>();
    private final AtomicInteger messages = new AtomicInteger();
    private final AtomicInteger largestMessage = new AtomicInteger();

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    public int paidCount() {
        return paid.size();
    }

    public List<String> paidTwice() {
        return paid.entrySet().stream().filter(entry -> entry.getValue().get() > 1).map(Map.Entry::getKey).toList();
    }

    public long paidFen() {
        return amounts.values().stream().mapToLong(yuan -> new java.math.BigDecimal(yuan).movePointRight(2).longValueExact()).sum();
    }

    public int messages() {
        return messages.get();
    }

    public int largestMessage() {
        return largestMessage.get();
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        JsonNode body = JSON.readTree(event.getRequest().getBodyAsString());
        List<Map<String, Object>> statuses = new ArrayList<>();
        if (event.getRequest().getUrl().endsWith("/txn/status")) {
            for (JsonNode reference : body.at("/message/txnstatus_request/attribute_value")) {
                if (paid.containsKey(reference.asString())) {
                    statuses.add(Map.of("reference_id", reference.asString(), "status", "SUCC"));
                }
            }
            return answer(event, Map.of("txnstatus_response", Map.of("txn_type", "disburse", "txn_status",
                    Map.of("disbursements_status", statuses))));
        }
        messages.incrementAndGet();
        largestMessage.accumulateAndGet(body.at("/message/disbursements").size(), Math::max);
        for (JsonNode item : body.at("/message/disbursements")) {
            String reference = item.get("reference_id").asString();
            AtomicInteger earlier = paid.putIfAbsent(reference, new AtomicInteger(1));
            if (earlier != null) {
                statuses.add(Map.of("reference_id", reference, "status", "RJCT", "status_reason_code", "rjct.reference_id.duplicate"));
            } else {
                amounts.put(reference, item.get("amount").asString());
                statuses.add(Map.of("reference_id", reference, "status", "SUCC"));
            }
        }
        return answer(event, Map.of("ack_status", "ACK", "disbursements_status", statuses));
    }

    private static ResponseDefinition answer(ServeEvent event, Map<String, Object> message) {
        return ResponseDefinitionBuilder.like(event.getResponseDefinition()).but().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(Json.write(Map.of("header", Map.of("status", "SUCC"), "message", message))).build();
    }
}
