/** The stream's events in PostgreSQL. */
@NullMarked
package org.aidline.notification.stream.persistence;

import org.jspecify.annotations.NullMarked;
