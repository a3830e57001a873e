/** Suspicious-data flags from the monitoring platform: each files one report, however often it is sent. */
@NullMarked
package org.aidline.intake.monitoring;

import org.jspecify.annotations.NullMarked;
