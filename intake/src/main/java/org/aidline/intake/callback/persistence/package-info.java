/** Call-back items and tries in PostgreSQL; an answer, its report's reopening and its events are one statement. */
@NullMarked
package org.aidline.intake.callback.persistence;

import org.jspecify.annotations.NullMarked;
