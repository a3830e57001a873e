/**
 * What intake publishes: domain events recorded with the change they describe, and the
 * subscriptions through which other modules consume each of them exactly once.
 */
@NullMarked
package org.aidline.intake.events;

import org.jspecify.annotations.NullMarked;
