/**
 * The ordinary case: an IN_REVIEW report goes through the steps its county's policy asks for
 * (household investigation, means test, public notice with objections, village deliberation),
 * then a township or county supervisor decides it; a township's decision within its cap is filed
 * upward to the county. Emergencies do the steps the policy moves after payment. A case closes
 * when it is decided, its steps are done and its coordinator's task is completed.
 */
@NullMarked
package org.aidline.intake.casework;

import org.jspecify.annotations.NullMarked;
