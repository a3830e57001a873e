/** Enrolment changes in PostgreSQL: one statement changes the enrolments and writes their history. */
@NullMarked
package org.aidline.registry.lifecycle.persistence;

import org.jspecify.annotations.NullMarked;
