/** Coordinator tasks in PostgreSQL; assignment and escalation run in the database functions of migration V9. */
@NullMarked
package org.aidline.notification.task.persistence;

import org.jspecify.annotations.NullMarked;
