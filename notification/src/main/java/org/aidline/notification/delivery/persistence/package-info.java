/** Notifications in PostgreSQL: every change one statement, guarded by status and claim. */
@NullMarked
package org.aidline.notification.delivery.persistence;

import org.jspecify.annotations.NullMarked;
