/** Monitoring flag rows over R2DBC. */
@NullMarked
package org.aidline.intake.monitoring.persistence;

import org.jspecify.annotations.NullMarked;
