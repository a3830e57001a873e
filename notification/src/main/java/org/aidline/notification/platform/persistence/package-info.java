/** The 12345 exchange's work-order links, outbox and task-event position in PostgreSQL. */
@NullMarked
package org.aidline.notification.platform.persistence;

import org.jspecify.annotations.NullMarked;
