/**
 * Monthly payrolls: one payment per active enrolment and month (database-enforced), plus the back-payments raised standards owe.
 */
@NullMarked
package org.aidline.registry.payroll;

import org.jspecify.annotations.NullMarked;
