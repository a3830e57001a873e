/** Protection of personal data: encryption, keyed hashes and masking of resident ID numbers. */
@NullMarked
package org.aidline.intake.personaldata;

import org.jspecify.annotations.NullMarked;
