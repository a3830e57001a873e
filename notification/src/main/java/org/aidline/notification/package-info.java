/**
 * Coordinator tasks and their delivery: outbox, push, SMS, live stream, acknowledgement and
 * escalation. It meets {@code intake} only through its published interfaces, never its internals.
 */
@NullMarked
package org.aidline.notification;

import org.jspecify.annotations.NullMarked;
