/** Who is acting: roles and the region a staff member works in. */
@NullMarked
package org.aidline.intake.access;

import org.jspecify.annotations.NullMarked;
