/**
 * Supervision: the supervisors' work queues, statistics per county and period, and exports for
 * evaluators. Read-only views over reports, grants, payments, verification, the ledger and the
 * coordinator tasks, limited to the reader's region; a full personal-data read is audited.
 */
@NullMarked
package org.aidline.supervision;

import org.jspecify.annotations.NullMarked;
