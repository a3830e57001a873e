/** The live stream's wake-ups across instances, over Redis pub/sub. */
@NullMarked
package org.aidline.notification.stream.redis;

import org.jspecify.annotations.NullMarked;
