/**
 * The hand-offs of a work order (12345 hotline rules): a supervisor's chase (催办), an
 * extension asked by the assignee and decided by a supervisor, a task sent back (任务回退) to the
 * county supervisor and reassigned or closed as a duplicate. Limits are those the task was opened
 * with, counted in working days of the national calendar.
 */
@NullMarked
package org.aidline.notification.workorder;

import org.jspecify.annotations.NullMarked;
