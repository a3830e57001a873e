/** Payment instructions in PostgreSQL: claims under a lease, and outcomes written with their ledger entries in one statement. */
@NullMarked
package org.aidline.intake.payment.persistence;

import org.jspecify.annotations.NullMarked;
