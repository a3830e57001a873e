/** Idempotency receipts in PostgreSQL. */
@NullMarked
package org.aidline.api.idempotency.persistence;

import org.jspecify.annotations.NullMarked;
