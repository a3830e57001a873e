/** Ledger reads over R2DBC. */
@NullMarked
package org.aidline.intake.ledger.persistence;

import org.jspecify.annotations.NullMarked;
