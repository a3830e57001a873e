/** Verification rows over R2DBC. */
@NullMarked
package org.aidline.intake.verification.persistence;

import org.jspecify.annotations.NullMarked;
