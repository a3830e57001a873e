package org.aidline.intake.grant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aidline.intake.report.ReportEvent;

/**
 * The report-history events of documents later. Sequences are relative (1, 2, ...): the store
 * appends them after the report's last event.
 */
public final class GrantEvents {

    public static final String DOCUMENT_ATTACHED = "DOCUMENT_ATTACHED";
    public static final String DOCUMENTED = "DOCUMENTED";
    public static final String ESCALATED = "ESCALATED";
    public static final String IDENTITY_RECORDED = "IDENTITY_RECORDED";
    public static final String GRANT_CANCELLED = "GRANT_CANCELLED";

    /** Why an AWAITING_IDENTITY grant is cancelled when the identity shows the household was already granted. */
    public static final String HOUSEHOLD_GRANTED_WITHIN_WINDOW = "HOUSEHOLD_GRANTED_WITHIN_WINDOW";
    /** Why a grant is escalated to the county supervisor. */
    public static final String DOCUMENTS_OVERDUE = "DOCUMENTS_OVERDUE";

    private GrantEvents() {
    }

    /** One DOCUMENT_ATTACHED per document and, if the attachment completed the grant, DOCUMENTED. */
    public static List<ReportEvent> attached(Grant before, Grant after, List<GrantDocument> added, String actor, Instant at) {
        List<ReportEvent> events = new ArrayList<>();
        for (GrantDocument document : added) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("grant", after.id().toString());
            detail.put("documentType", document.type());
            detail.put("sha256", document.sha256());
            detail.put("required", before.requiredDocuments().contains(document.type()));
            events.add(new ReportEvent(events.size() + 1, DOCUMENT_ATTACHED, at, actor, detail));
        }
        if (before.status() != GrantStatus.DOCUMENTED && after.status() == GrantStatus.DOCUMENTED) {
            events.add(new ReportEvent(events.size() + 1, DOCUMENTED, at, actor,
                    Map.of("grant", after.id().toString(), "documents", after.documents().size())));
        }
        return events;
    }
}
