package org.aidline.notification;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import org.aidline.intake.MetricsProperties;
import org.aidline.intake.background.BacklogGauges;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Notification's gauges for operations, one series per outbox ({@code outbox} tag): the coordinator notifications and the
 * 12345 platform's status changes, how many wait and for how long, and how many were given up (dead letters).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetricsProperties.class)
public class NotificationMetricsConfiguration {

    // The rows the dispatcher still owes (notification_due's predicate); created_at is the application's clock.
    static final String NOTIFICATIONS_WAITING = """
            select count(*) as size, coalesce(extract(epoch from now() - min(created_at)), 0)::float8 as age
            from notification where status in ('QUEUED', 'SENDING', 'ERRORED')""";

    static final String NOTIFICATIONS_DEAD = "select count(*) as size, 0::float8 as age from notification where status = 'FAILED'";

    static final String PLATFORM_WAITING = """
            select count(*) as size, coalesce(extract(epoch from now() - min(created_at)), 0)::float8 as age
            from platform_delivery where status = 'PENDING'""";

    static final String PLATFORM_DEAD = "select count(*) as size, 0::float8 as age from platform_delivery where status = 'FAILED'";

    @Bean
    SmartLifecycle notificationGauges(DatabaseClient database, MeterRegistry meters, MetricsProperties properties) {
        Tags notifications = Tags.of("outbox", "notification");
        Tags platform = Tags.of("outbox", "platform-exchange");
        return BacklogGauges.polling("Reading notification's gauges", properties.pollInterval(), List.of(
                new BacklogGauges(meters, "aidline.outbox.pending", "aidline.outbox.oldest.age", notifications,
                        "outbox messages not yet delivered", () -> BacklogGauges.read(database, NOTIFICATIONS_WAITING)),
                new BacklogGauges(meters, "aidline.outbox.dead.letters", null, notifications,
                        "outbox messages given up after their last attempt", () -> BacklogGauges.read(database, NOTIFICATIONS_DEAD)),
                new BacklogGauges(meters, "aidline.outbox.pending", "aidline.outbox.oldest.age", platform,
                        "outbox messages not yet delivered", () -> BacklogGauges.read(database, PLATFORM_WAITING)),
                new BacklogGauges(meters, "aidline.outbox.dead.letters", null, platform,
                        "outbox messages given up after their last attempt", () -> BacklogGauges.read(database, PLATFORM_DEAD))));
    }
}
