package org.aidline.api.audit.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A page of audit events, oldest first; {@code next} is the cursor of the following page. */
public record AuditList(List<AuditEventView> items, @Nullable String next) {
}
