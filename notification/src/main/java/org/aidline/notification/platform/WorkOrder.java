package org.aidline.notification.platform;

import java.time.Instant;
import java.util.UUID;

/**
 * A report filed from a platform work order, as notification learns of it from the ReportFiled
 * event: the link order number <-> report, and the event that is its RECEIVED change.
 */
public record WorkOrder(String orderNumber, UUID reportId, String reportReference, String villageCode, String countyCode,
        String triage, UUID filedEvent, Instant filedAt) {
}
