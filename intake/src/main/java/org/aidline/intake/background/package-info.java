/** Background work shared by features: loops that run due work at once when woken and at every poll, and backoff. */
@NullMarked
package org.aidline.intake.background;

import org.jspecify.annotations.NullMarked;
