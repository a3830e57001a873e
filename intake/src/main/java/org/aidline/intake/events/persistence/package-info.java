/** The event log and subscription positions in PostgreSQL. */
@NullMarked
package org.aidline.intake.events.persistence;

import org.jspecify.annotations.NullMarked;
