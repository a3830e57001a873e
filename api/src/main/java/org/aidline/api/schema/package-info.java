/** Which module owns which PostgreSQL schema, and their migration one after the other. */
@NullMarked
package org.aidline.api.schema;

import org.jspecify.annotations.NullMarked;
