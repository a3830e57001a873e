package org.aidline.intake.report;

import java.time.Instant;
import org.aidline.intake.personaldata.ProtectedResidentId;
import org.aidline.intake.region.RegionScope;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** All reports ever filed. */
public interface Reports {

    /**
     * Stores a triaged report with its history, its grant, the grant's ledger entry and payment
     * instruction and, if a claim is given, the receipt of the request: atomically, in one
     * statement. Emits false when the village does not exist; errors with
     * {@link DuplicateReceiptException}, {@link ReferenceTakenException} or
     * {@link HouseholdAlreadyGrantedException} on those collisions.
     */
    Mono<Boolean> add(Report report, @Nullable ProtectedResidentId idNumber, @Nullable IdempotencyClaim claim,
            @Nullable String responseBody);

    Mono<Report> byId(ReportId id);

    Mono<Receipt> receipt(String owner, String key);

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
