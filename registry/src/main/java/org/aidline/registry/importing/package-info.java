/**
 * Imports of the people in assistance: a file of rows (a person, their village and one programme
 * enrolment each) checked row by row and written in batches, idempotent per person and programme,
 * its progress kept as a row that can be read while the file still arrives.
 */
@NullMarked
package org.aidline.registry.importing;

import org.jspecify.annotations.NullMarked;
