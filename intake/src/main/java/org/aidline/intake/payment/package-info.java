/** Paying out: payment instructions, their dispatch to the bank payment gateway, and the supervisor's view of them. */
@NullMarked
package org.aidline.intake.payment;

import org.jspecify.annotations.NullMarked;
