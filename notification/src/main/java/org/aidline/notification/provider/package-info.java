/** Adapters to the world outside: Firebase Cloud Messaging HTTP v1, JPush, an SMS gateway, and logging stand-ins for the embedded default. */
@NullMarked
package org.aidline.notification.provider;

import org.jspecify.annotations.NullMarked;
