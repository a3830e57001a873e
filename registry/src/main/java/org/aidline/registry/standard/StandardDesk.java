package org.aidline.registry.standard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.aidline.intake.access.Actor;
import org.aidline.registry.Programme;
import org.aidline.registry.jurisdiction.InvalidRegistryRequestException;
import org.aidline.registry.jurisdiction.Jurisdiction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Standards as a county's (or the province's) supervisors set them. A standard applies from the
 * month of its date; one from a future month is set when that month comes, since the enrolments'
 * amounts change as it is set.
 */
public class StandardDesk {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Standards standards;
    private final Clock clock;

    public StandardDesk(Standards standards, Clock clock) {
        this.standards = standards;
        this.clock = clock;
    }

    public Mono<StandardChange> set(Actor actor, String countyCode, Programme programme, LocalDate effectiveFrom, long monthlyAmountFen) {
        return Mono.defer(() -> {
            Jurisdiction.requireManages(actor, countyCode);
            if (!countyCode.matches("\\d{6}") || countyCode.endsWith("00")) {
                throw new InvalidRegistryRequestException("county", "must be a county's 6-digit code");
            }
            if (YearMonth.from(effectiveFrom).isAfter(YearMonth.now(clock.withZone(CHINA)))) {
                throw new InvalidRegistryRequestException("effectiveFrom", "must not be in a later month than this one");
            }
            if (monthlyAmountFen <= 0) {
                throw new InvalidRegistryRequestException("monthlyAmount", "must be positive");
            }
            return standards.set(new ProgrammeStandard(countyCode, programme, effectiveFrom.withDayOfMonth(1), monthlyAmountFen,
                    actor.subject(), clock.instant()));
        });
    }

    public Flux<ProgrammeStandard> of(Actor actor, String countyCode) {
        return Flux.defer(() -> {
            Jurisdiction.requireReads(actor, countyCode);
            return standards.of(countyCode);
        });
    }
}
