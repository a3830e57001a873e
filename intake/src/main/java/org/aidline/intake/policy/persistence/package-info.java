/** Policy rows over R2DBC. */
@NullMarked
package org.aidline.intake.policy.persistence;

import org.jspecify.annotations.NullMarked;
