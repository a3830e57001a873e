package org.aidline.notification;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Coordinator notification ({@code aidline.notifications.*}): dispatch, the acknowledgement
 * sweep, the live stream, and the providers. With {@code push.mode=logging} (the embedded
 * default) pushes and texts are logged, not sent; production uses {@code live}.
 *
 * @param enabled whether this instance dispatches and sweeps (every instance can; claims keep them apart)
 * @param pollInterval the safety net behind LISTEN/NOTIFY: due notifications are looked for at least this often
 * @param lease how long a claim holds; must outlast one provider call
 * @param maxAttempts tries before a notification is dead-lettered
 */
@ConfigurationProperties("aidline.notifications")
public record NotificationProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("50") int batchSize,
        @DefaultValue("16") int concurrency,
        @DefaultValue("30s") Duration lease,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue Retry retry,
        @DefaultValue Sweep sweep,
        @DefaultValue Stream stream,
        @DefaultValue Push push,
        @DefaultValue Fcm fcm,
        @DefaultValue JPush jpush,
        @DefaultValue Sms sms) {

    public NotificationProperties {
        Duration slowest = fcm.timeout().compareTo(jpush.timeout()) > 0 ? fcm.timeout() : jpush.timeout();
        slowest = slowest.compareTo(sms.timeout()) > 0 ? slowest : sms.timeout();
        if (lease.compareTo(slowest.multipliedBy(2)) <= 0) {
            throw new IllegalArgumentException("aidline.notifications.lease must outlast a provider call twice (" + slowest.multipliedBy(2) + ")");
        }
    }

    public record Retry(@DefaultValue("1s") Duration base, @DefaultValue("5m") Duration max) {
    }

    /** The acknowledgement clock: how often it looks for silent assignees. */
    public record Sweep(@DefaultValue("true") boolean enabled, @DefaultValue("5s") Duration period, @DefaultValue("100") int batchSize) {
    }

    /** The live stream: how often it reads the database without a signal, and how often it says it is alive. */
    public record Stream(@DefaultValue("5s") Duration poll, @DefaultValue("15s") Duration heartbeat) {
    }

    public enum Mode { LOGGING, LIVE }

    public record Push(@DefaultValue("logging") Mode mode) {
    }

    /**
     * Firebase Cloud Messaging HTTP v1. The service account comes from its JSON key file, or from
     * its client email, private key (PEM) and token URI given one by one.
     */
    public record Fcm(
            @DefaultValue("https://fcm.googleapis.com") URI baseUrl,
            @Nullable String projectId,
            @Nullable Path serviceAccountFile,
            @Nullable String clientEmail,
            @Nullable String privateKey,
            @DefaultValue("https://oauth2.googleapis.com/token") URI tokenUri,
            @DefaultValue("5s") Duration timeout) {

        public boolean configured() {
            return projectId != null && (serviceAccountFile != null || (clientEmail != null && privateKey != null));
        }
    }

    public record JPush(
            @DefaultValue("https://api.jpush.cn") URI baseUrl,
            @Nullable String appKey,
            @Nullable String masterSecret,
            @DefaultValue("true") boolean apnsProduction,
            @DefaultValue("5s") Duration timeout) {

        public boolean configured() {
            return appKey != null && masterSecret != null;
        }
    }

    public record Sms(
            @Nullable URI baseUrl,
            @Nullable String apiKey,
            @DefaultValue("AIDLINE") String sender,
            @DefaultValue("5s") Duration timeout) {

        public boolean configured() {
            return baseUrl != null && apiKey != null;
        }
    }
}
