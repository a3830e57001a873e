/** Amounts of money in integer fen. */
@NullMarked
package org.aidline.intake.money;

import org.jspecify.annotations.NullMarked;
