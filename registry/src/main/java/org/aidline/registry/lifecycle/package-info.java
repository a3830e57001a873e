/**
 * How enrolments change after they exist, from outside the registry's own imports: a death
 * reported by a department, the outcome of a suspicious-data flag's check. Each change is kept
 * in the enrolment's history with its source.
 */
@NullMarked
package org.aidline.registry.lifecycle;

import org.jspecify.annotations.NullMarked;
