package org.aidline.notification.provider;

import java.time.Duration;
import java.util.Map;
import org.aidline.notification.delivery.DeliveryOutcome;
import org.aidline.notification.delivery.SmsSender;
import org.aidline.notification.delivery.TaskMessage;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Texts through an HTTP SMS gateway ({@code POST /sms/messages} with a bearer API key, the
 * notification id as the client reference so the gateway can drop a resend). A 4xx other than
 * 429 means this message will never go (a bad number); 429 and 5xx are tried again.
 */
public class HttpSmsSender implements SmsSender {

    private final WebClient http;
    private final String apiKey;
    private final String sender;
    private final Duration timeout;

    public HttpSmsSender(WebClient http, String apiKey, String sender, Duration timeout) {
        this.http = http;
        this.apiKey = apiKey;
        this.sender = sender;
        this.timeout = timeout;
    }

    @Override
    public Mono<DeliveryOutcome> text(String phone, TaskMessage message) {
        return http.post()
                .uri("/sms/messages")
                .headers(headers -> headers.setBearerAuth(apiKey))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("to", phone, "from", sender, "reference", message.notificationId().toString(),
                        "text", "【救助热线】" + message.title() + "：" + message.body()))
                .exchangeToMono(HttpSmsSender::outcome)
                .timeout(timeout)
                .onErrorResume(failure -> Mono.just(ProviderResponses.unreachable("SMS gateway", failure)));
    }

    private static Mono<DeliveryOutcome> outcome(ClientResponse response) {
        int status = response.statusCode().value();
        Duration retryAfter = ProviderResponses.retryAfter(response.headers().asHttpHeaders());
        return response.bodyToMono(String.class).defaultIfEmpty("").map(body -> {
            String detail = "SMS " + status + " " + ProviderResponses.abbreviate(body);
            if (response.statusCode().is2xxSuccessful()) {
                Object id = body.isBlank() ? null : Jsons.read(body).get("messageId");
                return DeliveryOutcome.sent(id == null ? null : String.valueOf(id), detail);
            }
            return status == 429 || status >= 500 ? DeliveryOutcome.retry(detail, retryAfter) : DeliveryOutcome.failed(detail);
        });
    }
}
