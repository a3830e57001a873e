package org.aidline.intake.payment;

import java.time.Clock;
import java.util.List;
import org.aidline.intake.access.Actor;
import org.aidline.intake.access.Role;
import org.aidline.intake.report.ReportEvent;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Where people and the gateway meet payment instructions: supervisors and auditors list them,
 * a supervisor sends a refused one again, and the gateway's callbacks settle them.
 */
public class PaymentDesk {

    private final PaymentInstructions instructions;
    private final PaymentsDue due;
    private final Clock clock;

    public PaymentDesk(PaymentInstructions instructions, PaymentsDue due, Clock clock) {
        this.instructions = instructions;
        this.due = due;
        this.clock = clock;
    }

    /** Instructions with this status in the actor's region, newest first; an empty page for anyone else. */
    public Mono<PaymentPage> withStatus(Actor actor, PaymentStatus status, @Nullable PaymentCursor after, int limit) {
        if (actor.region() == null || !actor.hasAny(Role.SUPERVISOR, Role.AUDITOR)) {
            return Mono.just(new PaymentPage(List.of(), null));
        }
        return instructions.withStatus(status, actor.region(), after, limit).collectList().map(rows -> PaymentPage.of(rows, limit));
    }

    /**
     * Sends a refused instruction to the gateway again. Empty if the supervisor may not see it (so
     * ids cannot be probed); {@link PaymentNotFailedException} if it is not FAILED.
     */
    public Mono<PaymentInstruction> retry(Actor supervisor, PaymentId id) {
        return instructions.byId(id)
                .filter(instruction -> instruction.isRetryableBy(supervisor))
                .flatMap(instruction -> instructions.requeue(id, clock.instant(), supervisor.subject())
                        .flatMap(requeued -> requeued
                                ? instructions.byId(id)
                                : Mono.error(new PaymentNotFailedException(instruction.status()))))
                .doOnNext(requeued -> due.paymentsDue());
    }

    /**
     * Settles an instruction on the gateway's word: paid, or refused for good. A word about a
     * settled instruction changes nothing; emits whether this one changed something.
     */
    public Mono<Boolean> settle(String referenceId, GatewayOutcome outcome) {
        if (outcome.kind() == GatewayOutcome.Kind.PAID) {
            return instructions.paid(referenceId, clock.instant(), ReportEvent.SYSTEM)
                    .retryWhen(Retry.max(3).filter(PaymentDispatcher::isCollision));
        }
        if (outcome.kind() == GatewayOutcome.Kind.REJECTED) {
            return instructions.refused(referenceId, outcome.detail(), clock.instant(), ReportEvent.SYSTEM)
                    .retryWhen(Retry.max(3).filter(PaymentDispatcher::isCollision));
        }
        // Received or pending: the instruction waits for the final word as it is.
        return Mono.just(false);
    }
}
