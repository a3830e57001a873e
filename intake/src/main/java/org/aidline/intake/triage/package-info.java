/** Triage: small pure rules that decide, at intake, what happens to a report. */
@NullMarked
package org.aidline.intake.triage;

import org.jspecify.annotations.NullMarked;
