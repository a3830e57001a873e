/**
 * The call-back (回访) after a report closes: an operator of the region calls the person back,
 * three tries at most (the policy's number), and records whether they were reached and how
 * satisfied they are; an unsatisfied answer reopens the report (重办) with a new coordinator task.
 */
@NullMarked
package org.aidline.intake.callback;

import org.jspecify.annotations.NullMarked;
