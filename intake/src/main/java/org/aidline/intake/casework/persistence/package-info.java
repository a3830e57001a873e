/** The ordinary case's steps, objections and decisions in PostgreSQL, each change one statement guarded by the report's version. */
@NullMarked
package org.aidline.intake.casework.persistence;

import org.jspecify.annotations.NullMarked;
