/**
 * Working days in China: weekdays, less the statutory holidays, plus the weekend days worked in
 * exchange (调休), as the State Council's general office publishes them each year. Deadlines that
 * the rules give in working days (signing for a work order, handling it, answering a referral) are
 * computed here, in Asia/Shanghai.
 */
@NullMarked
package org.aidline.intake.calendar;

import org.jspecify.annotations.NullMarked;
