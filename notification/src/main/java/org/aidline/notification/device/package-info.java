/** Device tokens of staff apps, each with the push service that reaches it. */
@NullMarked
package org.aidline.notification.device;

import org.jspecify.annotations.NullMarked;
