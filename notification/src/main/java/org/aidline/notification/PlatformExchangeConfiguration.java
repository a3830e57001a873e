package org.aidline.notification;

import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import org.aidline.intake.background.Backoff;
import org.aidline.intake.background.DatabaseWakeups;
import org.aidline.intake.background.DispatchLoop;
import org.aidline.intake.background.LoopLifecycle;
import org.aidline.notification.platform.PlatformDeliveries;
import org.aidline.notification.platform.PlatformDeliveryDesk;
import org.aidline.notification.platform.PlatformDispatcher;
import org.aidline.notification.platform.PlatformWebhook;
import org.aidline.notification.platform.WorkOrderChanges;
import org.aidline.notification.platform.persistence.R2dbcPlatformDeliveries;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.json.JsonMapper;

/** Wires the 12345 exchange's outgoing side: the subscriber that queues, the loop that follows tasks and sends. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlatformExchangeProperties.class)
public class PlatformExchangeConfiguration {

    private static final JsonMapper STORED_JSON = JsonMapper.builder().build();

    @Bean
    PlatformDeliveries platformDeliveries(DatabaseClient database, TransactionalOperator transactions, Clock clock) {
        return new R2dbcPlatformDeliveries(database, transactions, STORED_JSON, clock);
    }

    /** Subscribed to intake's events on every instance, so that changes are queued even where nothing is sent. */
    @Bean
    WorkOrderChanges workOrderChanges(PlatformDeliveries deliveries) {
        return new WorkOrderChanges(deliveries);
    }

    @Bean
    PlatformDeliveryDesk platformDeliveryDesk(PlatformDeliveries deliveries, Clock clock) {
        return new PlatformDeliveryDesk(deliveries, clock);
    }

    @Bean
    PlatformDispatcher platformDispatcher(PlatformDeliveries deliveries, PlatformWebhook webhook, PlatformExchangeProperties properties,
            Clock clock) {
        return new PlatformDispatcher(deliveries, webhook, new PlatformDispatcher.Settings(properties.batchSize(), properties.concurrency(),
                properties.lease(), properties.maxAttempts(), new Backoff(properties.retry().base(), properties.retry().max())),
                clock, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** Without a webhook the tasks are still followed (their changes queued); sending waits for one to be configured. */
    @Bean
    SmartLifecycle platformDispatching(PlatformDispatcher dispatcher, ConnectionFactory connections, PlatformExchangeProperties properties) {
        if (!properties.enabled()) {
            return new LoopLifecycle(null);
        }
        return new LoopLifecycle(new DispatchLoop("Exchanging with the 12345 platform",
                properties.sending() ? dispatcher::dispatchDue : dispatcher::followTasks,
                new DatabaseWakeups(connections, R2dbcPlatformDeliveries.DUE_CHANNEL).signals(), properties.pollInterval()));
    }
}
