package org.aidline.intake;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import org.aidline.intake.background.BacklogGauges;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** Intake's gauges for operations: audit events the sealer has not chained yet, grant payments the bank has not taken yet. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetricsProperties.class)
public class IntakeMetricsConfiguration {

    // The partial index audit_event_unsealed holds exactly these rows; ages by the database's clock, which stamped them.
    static final String UNSEALED = """
            select count(*) as size, coalesce(extract(epoch from clock_timestamp() - min(at)), 0)::float8 as age
            from audit_event where chain_seq is null""";

    // PENDING and SENDING: not yet accepted by the bank (SENT is the bank's to settle). Within payment_instruction_due.
    static final String PAYMENTS_WAITING = """
            select count(*) as size, coalesce(extract(epoch from now() - min(created_at)), 0)::float8 as age
            from payment_instruction where status in ('PENDING', 'SENDING')""";

    @Bean
    SmartLifecycle intakeGauges(DatabaseClient database, MeterRegistry meters, MetricsProperties properties) {
        return BacklogGauges.polling("Reading intake's gauges", properties.pollInterval(), List.of(
                new BacklogGauges(meters, "aidline.audit.unsealed.events", "aidline.audit.unsealed.oldest.age", Tags.empty(),
                        "audit events not yet sealed into the chain", () -> BacklogGauges.read(database, UNSEALED)),
                new BacklogGauges(meters, "aidline.payments.backlog", "aidline.payments.backlog.oldest.age", Tags.of("source", "grants"),
                        "payment instructions not yet accepted by the bank", () -> BacklogGauges.read(database, PAYMENTS_WAITING))));
    }
}
