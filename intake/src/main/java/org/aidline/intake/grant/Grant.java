package org.aidline.intake.grant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.aidline.intake.money.Money;
import org.aidline.intake.policy.PolicyVersion;
import org.aidline.intake.report.ReportId;
import org.jspecify.annotations.Nullable;

/**
 * Temporary aid decided at intake. {@code amount} is what is granted and paid now (at most the
 * policy's cap); {@code awaitingApproval} is the part of a larger request that waits for the
 * county supervisor. {@code version} counts the grant's stored changes: it is the grant's ETag.
 */
public record Grant(
        GrantId id,
        ReportId report,
        String countyCode,
        GrantStatus status,
        Money amount,
        Money awaitingApproval,
        List<String> requiredDocuments,
        @Nullable Instant documentsDueAt,
        PolicyVersion policy,
        Instant createdAt,
        Instant nextFastTrackFrom,
        List<GrantDocument> documents,
        @Nullable String cancellationReason,
        int version) {

    public Grant {
        requiredDocuments = List.copyOf(requiredDocuments);
        documents = List.copyOf(documents);
        if (version < 0) {
            throw new IllegalArgumentException("A grant's version is never negative");
        }
    }

    /** A grant as decided, before anything was attached or stored. */
    public Grant(GrantId id, ReportId report, String countyCode, GrantStatus status, Money amount, Money awaitingApproval,
            List<String> requiredDocuments, @Nullable Instant documentsDueAt, PolicyVersion policy, Instant createdAt,
            Instant nextFastTrackFrom) {
        this(id, report, countyCode, status, amount, awaitingApproval, requiredDocuments, documentsDueAt, policy, createdAt,
                nextFastTrackFrom, List.of(), null, 0);
    }

    public boolean isPayable() {
        return status != GrantStatus.AWAITING_IDENTITY && status != GrantStatus.REVOKED;
    }

    /** The required documents not attached yet, in the order the policy lists them. */
    public List<String> missingDocuments() {
        Set<String> attached = new LinkedHashSet<>();
        documents.forEach(document -> attached.add(document.type()));
        return requiredDocuments.stream().filter(type -> !attached.contains(type)).toList();
    }

    /** Documents are taken until the supervisor has had the last word. */
    public boolean acceptsDocuments() {
        return status != GrantStatus.CONFIRMED && status != GrantStatus.REVOKED;
    }

    /**
     * The grant with more documents. Once every required document is in, a grant whose documents
     * clock runs (on time or overdue) is DOCUMENTED; one still awaiting identity keeps waiting.
     */
    public Grant attach(List<GrantDocument> added) {
        if (!acceptsDocuments()) {
            throw new GrantClosedException(id, status);
        }
        if (added.isEmpty()) {
            throw new IllegalArgumentException("Attach at least one document");
        }
        List<GrantDocument> all = new ArrayList<>(documents);
        all.addAll(added);
        Grant attached = with(status, all, version);
        boolean clockRunning = status == GrantStatus.AWAITING_DOCUMENTS || status == GrantStatus.OVERDUE;
        return clockRunning && attached.missingDocuments().isEmpty()
                ? attached.with(GrantStatus.DOCUMENTED, all, version)
                : attached;
    }

    /**
     * Where the grant goes once the subject's identity is recorded: the documents clock starts,
     * unless every document is already in.
     */
    public GrantStatus statusOnceIdentified() {
        if (status != GrantStatus.AWAITING_IDENTITY) {
            throw new IllegalStateException("Grant " + id + " is " + status + ", not awaiting identity");
        }
        return missingDocuments().isEmpty() ? GrantStatus.DOCUMENTED : GrantStatus.AWAITING_DOCUMENTS;
    }

    /** The grant as stored under a new version. */
    public Grant stored(int newVersion) {
        return with(status, documents, newVersion);
    }

    private Grant with(GrantStatus newStatus, List<GrantDocument> newDocuments, int newVersion) {
        return new Grant(id, report, countyCode, newStatus, amount, awaitingApproval, requiredDocuments, documentsDueAt, policy,
                createdAt, nextFastTrackFrom, newDocuments, cancellationReason, newVersion);
    }
}
