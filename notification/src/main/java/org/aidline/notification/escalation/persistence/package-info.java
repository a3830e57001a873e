/** The acknowledgement clock's statements; the chain itself is the database function route_task (migration V9). */
@NullMarked
package org.aidline.notification.escalation.persistence;

import org.jspecify.annotations.NullMarked;
