/** Imports in PostgreSQL: the import's row, and each batch written as one statement. */
@NullMarked
package org.aidline.registry.importing.persistence;

import org.jspecify.annotations.NullMarked;
