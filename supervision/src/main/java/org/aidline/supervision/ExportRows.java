package org.aidline.supervision;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The rows of the exports, as stored: personal data raw (the ID number encrypted), shown only through a {@link Disclosure}. */
public final class ExportRows {

    private ExportRows() {
    }

    /** A ledger entry; the ledger holds no personal data. */
    public record LedgerRow(long id, Instant at, String countyCode, String grantId, String kind, long amountFen, String actor,
            @Nullable String reference) {
    }

    /** The person a report is about, as stored. */
    public record Person(String name, @Nullable String maskedIdNumber, byte @Nullable [] idCipher, @Nullable String phone) {
    }

    public record GrantRow(String grantId, String reportReference, String countyCode, String villageCode, String status, long amountFen,
            long awaitingApprovalFen, @Nullable Instant documentsDueAt, String verificationStatus, Instant createdAt, Person subject) {
    }

    public record ReportRow(String id, String reference, Instant createdAt, String channel, String category, String status,
            @Nullable String triageDecision, String villageCode, String countyCode, boolean urgent, @Nullable Long requestedAmountFen,
            int householdSize, Person subject, @Nullable String callerName, @Nullable String callerPhone, String description) {
    }
}
