/**
 * The 12345 exchange, outgoing: every status change of a report filed from the provincial hotline
 * platform's work order, queued once in an outbox and delivered to the platform's webhook, signed,
 * with retries and dead letters that supervisors see.
 */
@NullMarked
package org.aidline.notification.platform;

import org.jspecify.annotations.NullMarked;
