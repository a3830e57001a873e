/**
 * Paying what payrolls and campaigns owe: the work of a run county by county (granted, ledgered and batched in one transaction), and bulk messages to the bank, each under a lease in the database so that any instance resumes what a killed one left.
 */
@NullMarked
package org.aidline.registry.disbursement;

import org.jspecify.annotations.NullMarked;
