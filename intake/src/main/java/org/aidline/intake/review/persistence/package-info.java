/** Review reads and writes over R2DBC: each decision one statement. */
@NullMarked
package org.aidline.intake.review.persistence;

import org.jspecify.annotations.NullMarked;
