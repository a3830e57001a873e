/** The audit trail in PostgreSQL: the chain is sealed and verified by the database functions of V10. */
@NullMarked
package org.aidline.intake.audit.persistence;

import org.jspecify.annotations.NullMarked;
