package org.aidline.supervision;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import org.aidline.intake.access.Actor;
import org.aidline.intake.access.Role;
import org.aidline.intake.audit.AuditTrail;
import org.aidline.intake.personaldata.PersonalDataProtector;
import org.aidline.intake.policy.Jurisdiction;
import org.aidline.intake.policy.OutsideJurisdictionException;
import org.aidline.intake.region.RegionScope;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What supervisors (and auditors, read-only) oversee in their region: the work queues, the
 * statistics of a county and period, and the exports; an auditor's export shows personal data in
 * full and is recorded in the audit trail before its first row.
 */
public class Oversight {

    private final WorkQueues queues;
    private final SupervisionStatistics statistics;
    private final Exports exports;
    private final AuditTrail trail;
    private final PersonalDataProtector protector;

    public Oversight(WorkQueues queues, SupervisionStatistics statistics, Exports exports, AuditTrail trail, PersonalDataProtector protector) {
        this.queues = queues;
        this.statistics = statistics;
        this.exports = exports;
        this.trail = trail;
        this.protector = protector;
    }

    /** A page of the queue, most urgent first, limited to {@code place} (a county, township or village code) inside the region. */
    public Mono<QueuePage> queue(Actor reader, WorkQueue queue, @Nullable String place, @Nullable Instant from, @Nullable Instant to,
            @Nullable QueueCursor after, int limit) {
        return Mono.fromCallable(() -> filter(reader, place, from, to))
                .flatMap(filter -> queues.items(queue, filter, after, limit + 1).collectList())
                .map(rows -> QueuePage.of(queue, rows, limit));
    }

    /** How many items each queue holds under the same filter. */
    public Mono<Map<WorkQueue, Long>> counts(Actor reader, @Nullable String place, @Nullable Instant from, @Nullable Instant to) {
        return Mono.fromCallable(() -> filter(reader, place, from, to))
                .flatMapMany(filter -> Flux.fromArray(WorkQueue.values())
                        .flatMapSequential(queue -> queues.count(queue, filter).map(count -> Map.entry(queue, count))))
                .collectList()
                .map(entries -> {
                    Map<WorkQueue, Long> counts = new EnumMap<>(WorkQueue.class);
                    entries.forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
                    return counts;
                });
    }

    public Mono<Statistics> statistics(Actor reader, @Nullable String county, @Nullable Instant from, @Nullable Instant to) {
        return Mono.fromCallable(() -> period(reader, county, from, to)).flatMap(statistics::of);
    }

    /** The work-order figures of a county (or the region) and period by village or coordinator, worst first. */
    public Mono<WorkOrderBreakdown> workOrders(Actor reader, @Nullable String county, @Nullable Instant from, @Nullable Instant to,
            Breakdown by, int limit) {
        return Mono.fromCallable(() -> period(reader, county, from, to)).flatMap(period -> statistics.workOrders(period, by, limit));
    }

    /** The export of a county and period, and how it shows personal data; an auditor's is audited when the rows are asked for. */
    public <T> Export<T> export(Actor reader, String name, @Nullable String county, @Nullable Instant from, @Nullable Instant to,
            Function<Exports, Function<CountyPeriod, Flux<T>>> rows, boolean personalData) {
        CountyPeriod period = period(reader, county, from, to);
        boolean full = reader.has(Role.AUDITOR);
        Flux<T> read = rows.apply(exports).apply(period);
        Mono<Void> recorded = full && personalData
                ? trail.personalDataRead("export", name + " " + period.describe(), period.county(), "export for evaluation")
                : Mono.empty();
        return new Export<>(full ? Disclosure.full(protector) : Disclosure.masked(), recorded, read);
    }

    /**
     * The rows of an export and how to show their personal data; {@code recorded} writes the audit
     * event of an auditor's read and must complete before anything of the export is sent.
     */
    public record Export<T>(Disclosure disclosure, Mono<Void> recorded, Flux<T> rows) {
    }

    private static QueueFilter filter(Actor reader, @Nullable String place, @Nullable Instant from, @Nullable Instant to) {
        RegionScope region = staffRegion(reader);
        String prefix = region.prefix();
        if (place != null) {
            if (!RegionScope.isWellFormed(place)) {
                throw new IllegalArgumentException("A place is a county (6 digits), township (9) or village (12) code");
            }
            String wanted = RegionScope.of(place).prefix();
            if (wanted.startsWith(prefix)) {
                prefix = wanted;
            } else if (!prefix.startsWith(wanted)) {
                throw new OutsideJurisdictionException(place + " is outside the region you work in.");
            }
        }
        return new QueueFilter(prefix, from, to);
    }

    private static CountyPeriod period(Actor reader, @Nullable String county, @Nullable Instant from, @Nullable Instant to) {
        RegionScope region = staffRegion(reader);
        if (region.code().length() != 6) {
            throw new OutsideJurisdictionException("Statistics and exports are kept by county: they are read by supervisors and auditors "
                    + "of a county, prefecture or the province.");
        }
        if (county != null && !Jurisdiction.covers(reader, county, Role.SUPERVISOR, Role.AUDITOR)) {
            throw new OutsideJurisdictionException("County " + county + " is outside the region you work in.");
        }
        return new CountyPeriod(county, region.code(), region.prefix(), from, to);
    }

    private static RegionScope staffRegion(Actor reader) {
        RegionScope region = reader.region();
        if (region == null || !reader.hasAny(Role.SUPERVISOR, Role.AUDITOR)) {
            throw new OutsideJurisdictionException("Supervisors and auditors oversee their region.");
        }
        return region;
    }
}
