/**
 * Units and bank batches in PostgreSQL: claimed with SKIP LOCKED under leases, every change one statement guarded by its claim.
 */
@NullMarked
package org.aidline.registry.disbursement.persistence;

import org.jspecify.annotations.NullMarked;
