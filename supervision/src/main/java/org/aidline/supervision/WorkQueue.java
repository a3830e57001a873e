package org.aidline.supervision;

import java.util.Optional;

/**
 * What waits on a supervisor. Each queue has its own urgency (its {@code rank}, then how long it
 * has waited): the persistence adapter orders by it, the Javadoc of each constant says how.
 */
public enum WorkQueue {
    /** Grants waiting for the supervisor: the part above the cap to approve first, then DOCUMENTED ones to review; longest waiting first. */
    PENDING_REVIEWS("pending-reviews"),
    /** Grants whose documents are past their deadline (OVERDUE); the oldest deadline first. */
    OVERDUE_DOCUMENTS("overdue-documents"),
    /** Grants whose household a registry flagged; urgent reports first, then the longest flagged. */
    FLAGGED_VERIFICATIONS("flagged-verifications"),
    /** Coordinator tasks escalated and still unacknowledged: exhausted escalations first, then urgent, then the most overdue. */
    ESCALATIONS("escalations"),
    /** Payment instructions the bank refused for good: payments to citizens before recoveries, oldest first. */
    FAILED_PAYMENTS("failed-payments"),
    /** Notifications that failed for good: those of tasks still unacknowledged first (urgent before not), oldest first. */
    DEAD_LETTERS("dead-letters"),
    /**
     * Ordinary cases not yet decided, by stage: those the county decides (a township's recommendation
     * above its cap, or an overturned decision) first, then the oldest.
     */
    ORDINARY_CASES("ordinary-cases"),
    /** Townships' decisions filed upward and not yet seen by the county: those it may still overturn first, oldest first. */
    FILED_DECISIONS("filed-decisions"),
    /** Referrals their partner has not answered (or only accepted): escalated first, then the oldest. */
    REFERRALS_WAITING("referrals-waiting"),
    /**
     * Extensions of a coordinator task asked and not yet decided: those whose task is already RED first,
     * then the oldest asked. The item is the extension; its detail is its task's id.
     */
    PENDING_EXTENSIONS("pending-extensions");

    private final String slug;

    WorkQueue(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    public static Optional<WorkQueue> bySlug(String slug) {
        for (WorkQueue queue : values()) {
            if (queue.slug.equals(slug)) {
                return Optional.of(queue);
            }
        }
        return Optional.empty();
    }
}
