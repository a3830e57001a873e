package org.aidline.registry.payroll;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;
import org.aidline.intake.access.Actor;
import org.aidline.registry.disbursement.PayoutProgress;
import org.aidline.registry.disbursement.PayoutWakeups;
import org.aidline.registry.jurisdiction.InvalidRegistryRequestException;
import org.aidline.registry.jurisdiction.Jurisdiction;
import org.aidline.registry.jurisdiction.RegistryNotFoundException;
import reactor.core.publisher.Mono;

/**
 * Payrolls as supervisors run them. A second payroll of the same month is allowed (e.g. after late
 * enrolments) and pays only whom the first did not: the database holds one payment per enrolment and month.
 */
public class PayrollDesk {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Payrolls payrolls;
    private final PayoutProgress progress;
    private final PayoutWakeups wakeups;
    private final Clock clock;

    public PayrollDesk(Payrolls payrolls, PayoutProgress progress, PayoutWakeups wakeups, Clock clock) {
        this.payrolls = payrolls;
        this.progress = progress;
        this.wakeups = wakeups;
        this.clock = clock;
    }

    public Mono<PayrollView> run(Actor actor, NewPayroll request) {
        return Mono.defer(() -> {
            String prefix;
            if (request.countyCode() != null) {
                Jurisdiction.requireManages(actor, request.countyCode());
                prefix = request.countyCode();
            } else {
                prefix = Jurisdiction.managedPrefix(actor);
            }
            // Next month's payroll may be prepared ahead; later ones would pay amounts no standard has settled yet.
            YearMonth latest = YearMonth.now(clock.withZone(CHINA)).plusMonths(1);
            if (request.month().isAfter(latest)) {
                throw new InvalidRegistryRequestException("month", "must not be after " + latest);
            }
            Payroll payroll = new Payroll(UUID.randomUUID(), request.programme(), request.month(), prefix, request.countyCode(),
                    Payroll.Status.RUNNING, actor.subject(), clock.instant(), null);
            return payrolls.create(payroll);
        }).doOnSuccess(created -> wakeups.runStarted()).flatMap(this::view);
    }

    public Mono<PayrollView> read(Actor actor, UUID id) {
        return payrolls.find(id)
                .switchIfEmpty(Mono.error(() -> new RegistryNotFoundException("No payroll " + id)))
                .flatMap(payroll -> {
                    Jurisdiction.requireReads(actor, payroll.regionPrefix());
                    return view(payroll);
                });
    }

    private Mono<PayrollView> view(Payroll payroll) {
        return progress.of(payroll.id()).map(run -> new PayrollView(payroll, run));
    }
}
