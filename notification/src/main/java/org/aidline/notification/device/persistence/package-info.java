/** Device tokens in PostgreSQL. */
@NullMarked
package org.aidline.notification.device.persistence;

import org.jspecify.annotations.NullMarked;
