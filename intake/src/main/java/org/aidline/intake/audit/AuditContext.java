package org.aidline.intake.audit;

import org.jspecify.annotations.Nullable;

/**
 * Who is acting and in which request, as every transaction of the request tells the audit trail
 * (the application's transaction manager sets it when the transaction begins). Kept in the Reactor
 * context under this class; background work has none and is recorded as the system.
 */
public record AuditContext(String actor, @Nullable String requestId) {

    public static final AuditContext SYSTEM = new AuditContext("system", null);
}
