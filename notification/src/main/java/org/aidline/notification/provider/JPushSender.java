package org.aidline.notification.provider;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.aidline.notification.delivery.DeliveryOutcome;
import org.aidline.notification.delivery.PushSender;
import org.aidline.notification.delivery.TaskMessage;
import org.aidline.notification.device.PushService;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Pushes through JPush's push API v3 ({@code POST /v3/push}, HTTP Basic with the app key and
 * master secret): FCM does not reach phones in mainland China, JPush is the common aggregator.
 */
public class JPushSender implements PushSender {

    /** JPush error codes: no such registration id, and the request itself is wrong. */
    private static final int NO_TARGET = 1011;
    private static final List<Integer> BAD_REQUEST = List.of(1000, 1001, 1002, 1003, 1005, 1008, 1009);

    private final WebClient http;
    private final String appKey;
    private final String masterSecret;
    private final Duration timeout;
    private final boolean apnsProduction;

    public JPushSender(WebClient http, String appKey, String masterSecret, Duration timeout, boolean apnsProduction) {
        this.http = http;
        this.appKey = appKey;
        this.masterSecret = masterSecret;
        this.timeout = timeout;
        this.apnsProduction = apnsProduction;
    }

    @Override
    public PushService service() {
        return PushService.JPUSH;
    }

    @Override
    public Mono<DeliveryOutcome> push(String registrationId, TaskMessage message) {
        return http.post()
                .uri("/v3/push")
                .headers(headers -> headers.setBasicAuth(appKey, masterSecret))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body(registrationId, message, apnsProduction))
                .exchangeToMono(JPushSender::outcome)
                .timeout(timeout)
                .onErrorResume(failure -> Mono.just(ProviderResponses.unreachable("JPush", failure)));
    }

    static Map<String, Object> body(String registrationId, TaskMessage message, boolean apnsProduction) {
        Map<String, String> extras = Map.of(
                "notificationId", message.notificationId().toString(),
                "taskId", message.taskId().toString(),
                "reportId", message.reportId().toString(),
                "reference", message.reportReference(),
                "kind", message.kind());
        return Map.of(
                "platform", "all",
                "audience", Map.of("registration_id", List.of(registrationId)),
                "notification", Map.of(
                        "alert", message.body(),
                        "android", Map.of("title", message.title(), "alert", message.body(), "priority", message.urgent() ? 2 : 0,
                                "extras", extras),
                        "ios", Map.of("alert", message.body(), "sound", "default", "extras", extras)),
                "message", Map.of("msg_content", message.body(), "title", message.title(), "extras", extras),
                "options", Map.of("time_to_live", 86_400, "apns_production", apnsProduction,
                        "apns_collapse_id", message.notificationId().toString()));
    }

    @SuppressWarnings("unchecked")
    private static Mono<DeliveryOutcome> outcome(ClientResponse response) {
        int status = response.statusCode().value();
        Duration retryAfter = resetAfter(response);
        return response.bodyToMono(String.class).defaultIfEmpty("").map(body -> {
            String detail = "JPush " + status + " " + ProviderResponses.abbreviate(body);
            if (response.statusCode().is2xxSuccessful()) {
                Object messageId = safeRead(body).get("msg_id");
                return DeliveryOutcome.sent(messageId == null ? null : String.valueOf(messageId), detail);
            }
            Object error = safeRead(body).get("error");
            int code = error instanceof Map<?, ?> map && map.get("code") instanceof Number number ? number.intValue() : -1;
            if (code == NO_TARGET) {
                return DeliveryOutcome.retireDevice(detail);
            }
            if (BAD_REQUEST.contains(code) || (status == 400 && code == -1)) {
                return DeliveryOutcome.failed(detail);
            }
            return DeliveryOutcome.retry(detail, retryAfter);
        });
    }

    /** JPush says when its rate limit resets (X-Rate-Limit-Reset, seconds) rather than Retry-After. */
    private static Duration resetAfter(ClientResponse response) {
        Duration retryAfter = ProviderResponses.retryAfter(response.headers().asHttpHeaders());
        if (retryAfter != null) {
            return retryAfter;
        }
        String reset = response.headers().asHttpHeaders().getFirst("X-Rate-Limit-Reset");
        try {
            return reset == null ? null : Duration.ofSeconds(Math.min(3600, Math.max(0, Long.parseLong(reset.trim()))));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Map<String, Object> safeRead(String body) {
        try {
            return body.isBlank() ? Map.of() : Jsons.read(body);
        } catch (RuntimeException notJson) {
            return Map.of();
        }
    }
}
