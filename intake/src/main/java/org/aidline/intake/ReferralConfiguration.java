package org.aidline.intake;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import org.aidline.intake.background.Backoff;
import org.aidline.intake.background.DispatchLoop;
import org.aidline.intake.background.LoopLifecycle;
import org.aidline.intake.referral.PartnerWebhooks;
import org.aidline.intake.referral.ReferralDesk;
import org.aidline.intake.referral.ReferralDispatcher;
import org.aidline.intake.referral.Referrals;
import org.aidline.intake.referral.persistence.R2dbcReferrals;
import org.aidline.intake.report.Reports;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;

/** Wires referrals: the desk, the outbox's dispatcher and the escalation of unanswered ones. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReferralsProperties.class)
public class ReferralConfiguration {

    @Bean
    Referrals referrals(DatabaseClient database, TransactionalOperator transactions) {
        return new R2dbcReferrals(database, transactions, IntakeConfiguration.STORED_JSON);
    }

    @Bean
    ReferralDesk referralDesk(Referrals referrals, Reports reports, ReferralsProperties properties, Clock clock) {
        return new ReferralDesk(referrals, reports, properties.answerWithin(), clock);
    }

    @Bean
    ReferralDispatcher referralDispatcher(Referrals referrals, PartnerWebhooks webhooks, ReferralsProperties properties, Clock clock) {
        return new ReferralDispatcher(referrals, webhooks, new ReferralDispatcher.Settings(properties.batchSize(), properties.lease(),
                properties.maxAttempts(), new Backoff(properties.firstRetry(), properties.maxRetry())), clock,
                () -> ThreadLocalRandom.current().nextDouble());
    }

    @Bean
    SmartLifecycle referralDispatching(ReferralDispatcher dispatcher, ReferralsProperties properties) {
        return new LoopLifecycle(properties.enabled()
                ? new DispatchLoop("Delivering referrals", dispatcher::dispatchDue, Flux.never(), properties.pollInterval())
                : null);
    }

    /** Every instance escalates; a referral is escalated once (claimed with SKIP LOCKED, marked in the same statement). */
    @Bean
    SmartLifecycle referralEscalation(ReferralDesk desk, ReferralsProperties properties) {
        return new LoopLifecycle(new DispatchLoop("Escalating unanswered referrals",
                () -> desk.escalateOverdue(properties.batchSize()).count().map(Long::intValue), Flux.never(), properties.escalationPeriod()));
    }
}
