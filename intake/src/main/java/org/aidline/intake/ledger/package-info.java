/** The fund ledger: append-only signed entries in fen for every grant, payment, adjustment and recovery. */
@NullMarked
package org.aidline.intake.ledger;

import org.jspecify.annotations.NullMarked;
