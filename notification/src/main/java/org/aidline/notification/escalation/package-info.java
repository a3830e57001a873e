/** The acknowledgement clock: an SMS after a silent push, and escalation up the chain at the SLA. */
@NullMarked
package org.aidline.notification.escalation;

import org.jspecify.annotations.NullMarked;
