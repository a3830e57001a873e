/** Report rows and queries over R2DBC. */
@NullMarked
package org.aidline.intake.report.persistence;

import org.jspecify.annotations.NullMarked;
