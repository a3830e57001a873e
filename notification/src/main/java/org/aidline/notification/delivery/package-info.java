/** The outbox of notifications and its dispatcher: claimed under leases, sent through pluggable channels, retried with backoff, dead-lettered. */
@NullMarked
package org.aidline.notification.delivery;

import org.jspecify.annotations.NullMarked;
