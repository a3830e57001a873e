package org.aidline.intake;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import org.aidline.intake.background.Backoff;
import org.aidline.intake.background.DispatchLoop;
import org.aidline.intake.background.LoopLifecycle;
import org.aidline.intake.payment.DispatchSettings;
import org.aidline.intake.payment.PaymentDesk;
import org.aidline.intake.payment.PaymentDispatcher;
import org.aidline.intake.payment.PaymentGateway;
import org.aidline.intake.payment.PaymentInstructions;
import org.aidline.intake.payment.PaymentWakeups;
import org.aidline.intake.payment.Treasury;
import org.aidline.intake.payment.persistence.R2dbcPaymentInstructions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Wires paying out; the gateway itself is the application's to provide. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentsProperties.class)
public class PaymentsConfiguration {

    @Bean
    PaymentInstructions paymentInstructions(DatabaseClient database, TransactionalOperator transactions) {
        return new R2dbcPaymentInstructions(database, transactions);
    }

    @Bean
    PaymentWakeups paymentWakeups() {
        return new PaymentWakeups();
    }

    @Bean
    PaymentDesk paymentDesk(PaymentInstructions instructions, PaymentWakeups wakeups, Clock clock) {
        return new PaymentDesk(instructions, wakeups, clock);
    }

    @Bean
    PaymentDispatcher paymentDispatcher(PaymentInstructions instructions, PaymentGateway gateway, PaymentsProperties properties,
            Clock clock) {
        DispatchSettings settings = new DispatchSettings(properties.batchSize(), properties.concurrency(), properties.lease(),
                properties.resultCheck(), new Backoff(properties.retry().base(), properties.retry().max()));
        Treasury treasury = new Treasury(properties.treasury().accounts(), properties.treasury().defaultAccount());
        return new PaymentDispatcher(instructions, gateway, treasury, settings, clock, () -> ThreadLocalRandom.current().nextDouble());
    }

    @Bean
    SmartLifecycle paymentDispatching(PaymentDispatcher dispatcher, PaymentWakeups wakeups, PaymentsProperties properties) {
        return new LoopLifecycle(properties.enabled() ? new DispatchLoop("Dispatching payments", dispatcher::dispatchDue, wakeups.signals(), properties.pollInterval()) : null);
    }
}
