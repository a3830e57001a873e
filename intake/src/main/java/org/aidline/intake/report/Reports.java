package org.aidline.intake.report;

import java.time.Instant;
import org.aidline.intake.events.ReportFiled;
import org.aidline.intake.personaldata.ProtectedResidentId;
import org.aidline.intake.region.RegionScope;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** All reports ever filed. */
public interface Reports {

    /**
     * Stores a triaged report with its history, its grant, the grant's ledger entry and payment
     * instruction, and the event that publishes it: atomically, in one statement. Emits false when
     * the village does not exist; errors with {@link ReferenceTakenException} or
     * {@link HouseholdAlreadyGrantedException} on those collisions, with
     * {@link OrderNumberTakenException} when its platform order was filed already.
     */
    Mono<Boolean> add(Report report, @Nullable ProtectedResidentId idNumber, ReportFiled filed);

    Mono<Report> byId(ReportId id);

    /** The report filed for the 12345 platform's work order with this number, if any. */
    Mono<Report> byOrderNumber(String orderNumber);

    /**
     * The county's policy in force and, with a household key, what is known of that household at
     * the moment (its fast-track grant in the window, its open case): one round trip. Without a
     * key the household is unknown.
     */
    Mono<FilingContext> filingContext(String countyCode, byte @Nullable [] householdKey, Instant at);

    /** Reports filed by one subject, newest first, up to {@code limit + 1}. */
    Flux<Report> filedBy(String subject, @Nullable ReportCursor after, int limit);

    /** Reports in a region whose subject or caller has this phone number, newest first, up to {@code limit + 1}. */
    Flux<Report> withPhone(RegionScope region, PhoneNumber phone, @Nullable ReportCursor after, int limit);
}
