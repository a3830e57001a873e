/** Chases, extensions and send-backs in PostgreSQL, each change one statement with what it tells people. */
@NullMarked
package org.aidline.notification.workorder.persistence;

import org.jspecify.annotations.NullMarked;
