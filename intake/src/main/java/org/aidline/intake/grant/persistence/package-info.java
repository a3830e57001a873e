/** Grant rows, documents later, identity at the visit and the deadline sweep over R2DBC. */
@NullMarked
package org.aidline.intake.grant.persistence;

import org.jspecify.annotations.NullMarked;
