/** The published holiday calendars the service ships with (holiday-cn's yearly JSON, taken as data). */
@NullMarked
package org.aidline.intake.calendar.persistence;

import org.jspecify.annotations.NullMarked;
