/** Fast-track temporary aid: grant first, document later. */
@NullMarked
package org.aidline.intake.grant;

import org.jspecify.annotations.NullMarked;
