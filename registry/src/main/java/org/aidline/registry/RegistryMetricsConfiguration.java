package org.aidline.registry;

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

/** The registry's share of {@code aidline.payments.backlog}: payroll and campaign payouts the bank has not taken yet. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetricsProperties.class)
public class RegistryMetricsConfiguration {

    // Counted by their batches (payout has no index on status and a run holds 400,000 of them); the first condition
    // lets the planner use payout_batch_due. Payouts of a county still being formed into batches are not counted yet.
    static final String PAYOUTS_WAITING = """
            select coalesce(sum(size), 0)::bigint as size, coalesce(extract(epoch from now() - min(created_at)), 0)::float8 as age
            from payout_batch where status <> 'DONE' and status in ('PENDING', 'SENDING')""";

    @Bean
    SmartLifecycle registryGauges(DatabaseClient database, MeterRegistry meters, MetricsProperties properties) {
        return BacklogGauges.polling("Reading the registry's gauges", properties.pollInterval(), List.of(
                new BacklogGauges(meters, "aidline.payments.backlog", "aidline.payments.backlog.oldest.age", Tags.of("source", "registry"),
                        "payment instructions not yet accepted by the bank", () -> BacklogGauges.read(database, PAYOUTS_WAITING))));
    }
}
