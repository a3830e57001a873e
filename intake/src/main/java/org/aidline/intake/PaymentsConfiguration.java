package org.aidline.intake;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.aidline.intake.payment.Backoff;
import org.aidline.intake.payment.DispatchLoop;
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
import reactor.core.publisher.Mono;

/** Wires paying out; the gateway itself is the application's to provide. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentsProperties.class)
public class PaymentsConfiguration {

    /** How long a stopping instance waits for the dispatch under way before leaving it to the leases. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    @Bean
    PaymentInstructions paymentInstructions(DatabaseClient database) {
        return new R2dbcPaymentInstructions(database);
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
        return new Dispatching(properties.enabled() ? new DispatchLoop(dispatcher, wakeups.signals(), properties.pollInterval()) : null);
    }

    /** Starts the loop once the context (and its migrations) is ready, and stops it before the database pool closes. */
    static final class Dispatching implements SmartLifecycle {

        private final DispatchLoop loop;
        private volatile boolean running;

        Dispatching(DispatchLoop loop) {
            this.loop = loop;
        }

        @Override
        public void start() {
            if (loop != null) {
                loop.start();
            }
            running = true;
        }

        @Override
        public void stop() {
            stop(() -> {
            });
        }

        @Override
        public void stop(Runnable callback) {
            Mono<Void> finished = loop == null ? Mono.empty() : loop.stop().timeout(STOP_GRACE).onErrorResume(late -> {
                loop.abandon();
                return Mono.empty();
            });
            finished.doFinally(signal -> {
                running = false;
                callback.run();
            }).subscribe();
        }

        @Override
        public boolean isRunning() {
            return running;
        }
    }
}
