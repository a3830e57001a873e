package org.aidline.notification.provider;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.aidline.notification.delivery.DeliveryOutcome;
import org.aidline.notification.delivery.PushSender;
import org.aidline.notification.delivery.TaskMessage;
import org.aidline.notification.device.PushService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** Pushes through the Firebase Cloud Messaging HTTP v1 API ({@code projects/{id}/messages:send}). */
public class FcmPushSender implements PushSender {

    private final WebClient http;
    private final String projectId;
    private final FcmServiceAccount account;
    private final Duration timeout;

    public FcmPushSender(WebClient http, String projectId, FcmServiceAccount account, Duration timeout) {
        this.http = http;
        this.projectId = projectId;
        this.account = account;
        this.timeout = timeout;
    }

    @Override
    public PushService service() {
        return PushService.FCM;
    }

    @Override
    public Mono<DeliveryOutcome> push(String deviceToken, TaskMessage message) {
        return account.accessToken()
                .flatMap(token -> http.post()
                        .uri("/v1/projects/{project}/messages:send", projectId)
                        .headers(headers -> headers.setBearerAuth(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("message", message(deviceToken, message)))
                        .exchangeToMono(this::outcome))
                .timeout(timeout)
                .onErrorResume(failure -> Mono.just(ProviderResponses.unreachable("FCM", failure)));
    }

    static Map<String, Object> message(String deviceToken, TaskMessage message) {
        Map<String, String> data = Map.of(
                "notificationId", message.notificationId().toString(),
                "taskId", message.taskId().toString(),
                "reportId", message.reportId().toString(),
                "reference", message.reportReference(),
                "kind", message.kind());
        return Map.of(
                "token", deviceToken,
                "notification", Map.of("title", message.title(), "body", message.body()),
                "data", data,
                // A resend after a lost answer collapses into the first on the phone.
                "android", Map.of("priority", message.urgent() ? "HIGH" : "NORMAL", "collapse_key", message.notificationId().toString()),
                "apns", Map.of("headers", Map.of("apns-priority", message.urgent() ? "10" : "5",
                        "apns-collapse-id", message.notificationId().toString())));
    }

    private Mono<DeliveryOutcome> outcome(ClientResponse response) {
        if (response.statusCode().is2xxSuccessful()) {
            return response.bodyToMono(Map.class)
                    .map(body -> DeliveryOutcome.sent(String.valueOf(body.get("name")), "FCM " + response.statusCode().value()))
                    .defaultIfEmpty(DeliveryOutcome.sent(null, "FCM " + response.statusCode().value()));
        }
        Duration retryAfter = ProviderResponses.retryAfter(response.headers().asHttpHeaders());
        return response.bodyToMono(String.class).defaultIfEmpty("").map(body -> {
            String detail = "FCM " + response.statusCode().value() + " " + ProviderResponses.abbreviate(body);
            if (response.statusCode().value() == HttpStatus.UNAUTHORIZED.value()) {
                account.forget();
                return DeliveryOutcome.retry(detail, null);
            }
            return FcmError.of(errorCode(body, response.statusCode().value())).outcome(detail, retryAfter);
        });
    }

    /** The FcmError detail's errorCode, else the canonical status of the Google error, else the HTTP status's meaning. */
    @SuppressWarnings("unchecked")
    static String errorCode(String body, int status) {
        try {
            Map<String, Object> parsed = Jsons.read(body);
            Map<String, Object> error = (Map<String, Object>) parsed.get("error");
            if (error != null) {
                Object details = error.get("details");
                if (details instanceof List<?> list) {
                    for (Object detail : list) {
                        if (detail instanceof Map<?, ?> map && map.get("errorCode") != null) {
                            return String.valueOf(map.get("errorCode"));
                        }
                    }
                }
                if (error.get("status") != null) {
                    return String.valueOf(error.get("status"));
                }
            }
        } catch (RuntimeException notJson) {
            // An HTML error page from a proxy: the status says enough.
        }
        if (status == 429) {
            return "QUOTA_EXCEEDED";
        }
        if (status == 400) {
            return "INVALID_ARGUMENT";
        }
        if (status == 404) {
            return "UNREGISTERED";
        }
        return status >= 500 ? "UNAVAILABLE" : "UNSPECIFIED_ERROR";
    }
}
