/** Reference geography over R2DBC. */
@NullMarked
package org.aidline.intake.region.persistence;

import org.jspecify.annotations.NullMarked;
