package org.aidline.intake.report;

import org.aidline.intake.personaldata.ProtectedResidentId;
import org.aidline.intake.region.RegionScope;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** All reports ever filed. */
public interface Reports {

    /**
     * Stores a received report, its first history event and, if a claim is given, the receipt of
     * the request, atomically. Emits false when the village does not exist; errors with
     * {@link DuplicateReceiptException} or {@link ReferenceTakenException} on those collisions.
     */
    Mono<Boolean> add(Report report, @Nullable ProtectedResidentId idNumber, @Nullable IdempotencyClaim claim,
            @Nullable String responseBody);

    Mono<Report> byId(ReportId id);

    Mono<Receipt> receipt(String owner, String key);

    /** Reports filed by one subject, newest first, up to {@code limit + 1}. */
    Flux<Report> filedBy(String subject, @Nullable ReportCursor after, int limit);

    /** Reports in a region whose subject or caller has this phone number, newest first, up to {@code limit + 1}. */
    Flux<Report> withPhone(RegionScope region, PhoneNumber phone, @Nullable ReportCursor after, int limit);
}
