/** Supervision's queries in PostgreSQL: queues by urgency, statistics in SQL, exports streamed with a fetch size. */
@NullMarked
package org.aidline.supervision.persistence;

import org.jspecify.annotations.NullMarked;
