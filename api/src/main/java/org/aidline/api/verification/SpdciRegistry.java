package org.aidline.api.verification;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aidline.intake.verification.Finding;
import org.aidline.intake.verification.Registry;
import org.aidline.intake.verification.RegistryAnswer;
import org.aidline.intake.verification.RegistrySearch;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * A registry behind the SPDCI registry search API ({@code POST /registry/sync/search}): one
 * search request per call, keyed by our verification id as {@code reference_id}. Whatever goes
 * wrong on the wire becomes {@link RegistryAnswer.NotYet}, to be asked again later.
 */
public class SpdciRegistry implements Registry {

    private final String name;
    private final WebClient client;
    private final String senderId;
    private final Duration timeout;
    private final Clock clock;

    public SpdciRegistry(String name, WebClient client, String senderId, Duration timeout, Clock clock) {
        this.name = name;
        this.client = client;
        this.senderId = senderId;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public Mono<RegistryAnswer> search(RegistrySearch search) {
        return client.post().uri("/registry/sync/search")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request(search))
                .retrieve()
                .bodyToMono(JsonNode.class)
                .timeout(timeout)
                .map(response -> answer(search, response))
                .onErrorResume(failure -> Mono.just(new RegistryAnswer.NotYet(failure.getClass().getSimpleName())));
    }

    private Map<String, Object> request(RegistrySearch search) {
        String now = clock.instant().toString();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("version", "1.0.0");
        header.put("message_id", UUID.randomUUID().toString());
        header.put("message_ts", now);
        header.put("action", "search");
        header.put("sender_id", senderId);
        header.put("receiver_id", name);
        header.put("total_count", 1);
        header.put("is_msg_encrypted", false);
        Map<String, Object> criteria = new LinkedHashMap<>();
        criteria.put("version", "1.0.0");
        criteria.put("reg_type", name);
        criteria.put("query_type", "idtype-value");
        criteria.put("query", Map.of("type", "RESIDENT_ID", "value", search.person().value()));
        criteria.put("consent", Map.of("purpose", "means test of social assistance granted under fast-track"));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("reference_id", search.reference().toString());
        request.put("timestamp", now);
        request.put("search_criteria", criteria);
        request.put("locale", "zh");
        return Map.of("header", header, "message", Map.of(
                "transaction_id", UUID.randomUUID().toString(),
                "search_request", List.of(request)));
    }

    private RegistryAnswer answer(RegistrySearch search, JsonNode response) {
        for (JsonNode answer : response.path("message").path("search_response")) {
            if (!answer.path("reference_id").asString("").equals(search.reference().toString())) {
                continue;
            }
            String status = answer.path("status").asString("");
            if (status.equals("rjct")) {
                return new RegistryAnswer.Refused(answer.path("status_reason_code").asString("rjct"));
            }
            if (!status.equals("succ")) {
                return new RegistryAnswer.NotYet("status " + status);
            }
            List<Finding> findings = new ArrayList<>();
            for (JsonNode record : answer.path("data").path("reg_records")) {
                Map<String, Object> fields = new LinkedHashMap<>();
                record.properties().forEach(field -> fields.put(field.getKey(), field.getValue().isValueNode()
                        ? field.getValue().asString() : field.getValue().toString()));
                findings.add(new Finding(name, fields));
            }
            return findings.isEmpty() ? new RegistryAnswer.NothingFound() : new RegistryAnswer.Found(findings);
        }
        return new RegistryAnswer.NotYet("no answer for our reference");
    }
}
