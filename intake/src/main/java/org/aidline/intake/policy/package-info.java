/** Assistance policy as data: per county with a province default, versioned; every decision records the version it used. */
@NullMarked
package org.aidline.intake.policy;

import org.jspecify.annotations.NullMarked;
