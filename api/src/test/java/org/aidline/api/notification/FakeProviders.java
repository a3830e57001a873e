package org.aidline.api.notification;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * FCM, JPush, Google's token endpoint and an SMS gateway behind one WireMock: each answers as the
 * real one does, and remembers what it received per notification id. A device token's prefix
 * picks a behaviour: {@code dead-} is UNREGISTERED, {@code invalid-} INVALID_ARGUMENT (until
 * healed), {@code quota-} QUOTA_EXCEEDED with Retry-After once, {@code slow-} answers after a second.
 */
public class FakeProviders implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "fake-providers";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What reached a provider for one notification. */
    public record Received(String provider, String reportId, String deviceOrPhone, long atMillis, boolean accepted,
            String collapseKey) {
    }

    private final Map<String, List<Received>> byNotification = new ConcurrentHashMap<>();
    private final Map<String, Long> firstByReport = new ConcurrentHashMap<>();
    private final AtomicBoolean failingHalf = new AtomicBoolean();
    private final Map<String, AtomicInteger> quotaSeen = new ConcurrentHashMap<>();
    private final AtomicBoolean invalidHealed = new AtomicBoolean();
    private final AtomicInteger tokensIssued = new AtomicInteger();

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    public void failHalf(boolean on) {
        failingHalf.set(on);
    }

    public void healInvalid() {
        invalidHealed.set(true);
    }

    public List<Received> received(String notificationId) {
        return byNotification.getOrDefault(notificationId, List.of());
    }

    public long accepted(String notificationId) {
        return received(notificationId).stream().filter(Received::accepted).count();
    }

    /** When the first push or text about the report arrived (epoch millis), or null. */
    public Long firstFor(String reportId) {
        return firstByReport.get(reportId);
    }

    public int accessTokensIssued() {
        return tokensIssued.get();
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        String url = event.getRequest().getUrl();
        if (url.startsWith("/token")) {
            tokensIssued.incrementAndGet();
            return json(200, "{\"access_token\":\"ya29.test-" + tokensIssued.get() + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}");
        }
        JsonNode body = JSON.readTree(event.getRequest().getBodyAsString());
        if (url.startsWith("/v1/projects/")) {
            JsonNode message = body.get("message");
            return answer("FCM", message.get("token").asString(), message.at("/data/notificationId").asString(),
                    message.at("/data/reportId").asString(), message.at("/android/collapse_key").asString());
        }
        if (url.startsWith("/v3/push")) {
            return answer("JPUSH", body.at("/audience/registration_id/0").asString(),
                    body.at("/message/extras/notificationId").asString(), body.at("/message/extras/reportId").asString(),
                    body.at("/options/apns_collapse_id").asString());
        }
        return answer("SMS", body.get("to").asString(), body.get("reference").asString(), null, body.get("reference").asString());
    }

    private ResponseDefinition answer(String provider, String address, String notificationId, String reportId, String collapseKey) {
        long now = System.currentTimeMillis();
        ResponseDefinitionBuilder response = response(provider, address, notificationId);
        boolean accepted = response.build().getStatus() == 200;
        byNotification.computeIfAbsent(notificationId, key -> new CopyOnWriteArrayList<>())
                .add(new Received(provider, reportId, address, now, accepted, collapseKey));
        if (reportId != null) {
            firstByReport.putIfAbsent(reportId, now);
        }
        if (address.startsWith("slow-")) {
            response = response.withFixedDelay(1_000);
        }
        return response.build();
    }

    private ResponseDefinitionBuilder response(String provider, String address, String notificationId) {
        // Every other call of each notification fails, its first included: half of all calls fail, and every
        // notification gets through on its next try. (Alternating one counter across all notifications let
        // concurrent retries line up so that one notification drew the failing call 8 times running, its last try.)
        if (failingHalf.get() && received(notificationId).size() % 2 == 0) {
            return "JPUSH".equals(provider)
                    ? builder(503, "{\"error\":{\"code\":1028,\"message\":\"server busy\"}}")
                    : builder(503, fcmError(503, "UNAVAILABLE", "UNAVAILABLE"));
        }
        if ("SMS".equals(provider)) {
            return builder(200, "{\"messageId\":\"sms-" + notificationId + "\"}");
        }
        if (address.startsWith("dead-")) {
            return "JPUSH".equals(provider)
                    ? builder(400, "{\"error\":{\"code\":1011,\"message\":\"cannot find user by this audience\"}}")
                    : builder(404, fcmError(404, "NOT_FOUND", "UNREGISTERED"));
        }
        if (address.startsWith("invalid-") && !invalidHealed.get()) {
            return builder(400, fcmError(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT"));
        }
        if (address.startsWith("quota-") && quotaSeen.computeIfAbsent(notificationId, key -> new AtomicInteger()).getAndIncrement() == 0) {
            return builder(429, fcmError(429, "RESOURCE_EXHAUSTED", "QUOTA_EXCEEDED")).withHeader("Retry-After", "1");
        }
        return "JPUSH".equals(provider)
                ? builder(200, "{\"sendno\":\"0\",\"msg_id\":\"" + Math.abs(notificationId.hashCode()) + "\"}")
                : builder(200, "{\"name\":\"projects/aidline-test/messages/" + notificationId + "\"}");
    }

    private static String fcmError(int code, String status, String errorCode) {
        return "{\"error\":{\"code\":" + code + ",\"message\":\"" + errorCode + "\",\"status\":\"" + status + "\",\"details\":[{"
                + "\"@type\":\"type.googleapis.com/google.firebase.fcm.v1.FcmError\",\"errorCode\":\"" + errorCode + "\"}]}}";
    }

    private static ResponseDefinition json(int status, String body) {
        return builder(status, body).build();
    }

    private static ResponseDefinitionBuilder builder(int status, String body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
