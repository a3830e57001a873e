/** Means-test verification of granted households against outside registries, after the grant, never before. */
@NullMarked
package org.aidline.intake.verification;

import org.jspecify.annotations.NullMarked;
