/**
 * The audit trail: every state change and every read of a full ID number, append-only and
 * hash-chained (HMAC-SHA256) so that tampering is found. Written by database triggers in the
 * same transaction as the change (migration V10); who and which request come from the statement.
 */
@NullMarked
package org.aidline.intake.audit;

import org.jspecify.annotations.NullMarked;
