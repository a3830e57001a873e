package org.aidline.intake.ledger;

import java.time.Instant;
import org.aidline.intake.access.Actor;
import org.aidline.intake.access.Role;
import org.aidline.intake.policy.Jurisdiction;
import org.aidline.intake.policy.OutsideJurisdictionException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Reads the ledger for auditors and supervisors. The ledger is kept by county, so it is open to
 * those whose region takes in whole counties (county, prefecture or province staff).
 */
public class LedgerQueries {

    private final Ledger ledger;

    public LedgerQueries(Ledger ledger) {
        this.ledger = ledger;
    }

    /** The page of one county's entries, or of every county of the reader's region when no county is named. */
    public Mono<LedgerPage> read(Actor reader, @Nullable String countyCode, @Nullable Instant from, @Nullable Instant to,
            @Nullable LedgerCursor after, int limit) {
        if (!reader.hasAny(Role.AUDITOR, Role.SUPERVISOR) || reader.region() == null || reader.region().code().length() != 6) {
            return Mono.error(new OutsideJurisdictionException(
                    "The ledger is kept by county: it is read by auditors and supervisors of a county, prefecture or the province."));
        }
        if (countyCode != null && !Jurisdiction.covers(reader, countyCode, Role.AUDITOR, Role.SUPERVISOR)) {
            return Mono.error(new OutsideJurisdictionException("County " + countyCode + " is outside the region you work in."));
        }
        LedgerFilter filter = new LedgerFilter(countyCode, reader.region().prefix(), from, to);
        return ledger.entries(filter, after, limit).collectList().map(entries -> LedgerPage.of(entries, limit));
    }
}
