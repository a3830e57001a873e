/** Reports, triage, fast-track aid, documents, review, ledger, audit and reference data. */
@NullMarked
package org.aidline.intake;

import org.jspecify.annotations.NullMarked;
