/** Hardship reports as filed through any channel, and their history. */
@NullMarked
package org.aidline.intake.report;

import org.jspecify.annotations.NullMarked;
