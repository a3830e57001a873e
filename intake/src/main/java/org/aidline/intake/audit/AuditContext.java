package org.aidline.intake.audit;

import org.jspecify.annotations.Nullable;

/**
 * Who is acting and in which request, as every write of the request tells the audit trail. Kept
 * in the Reactor context under this class; background work has none and is recorded as the system.
 */
public record AuditContext(String actor, @Nullable String requestId) {

    public static final AuditContext SYSTEM = new AuditContext("system", null);
}
