/** The live stream of coordinator tasks: the database is the truth, Redis pub/sub only wakes the streams of every instance. */
@NullMarked
package org.aidline.notification.stream;

import org.jspecify.annotations.NullMarked;
