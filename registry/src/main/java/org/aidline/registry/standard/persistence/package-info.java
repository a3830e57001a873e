/**
 * The feature's rows and set-based statements in PostgreSQL.
 */
@NullMarked
package org.aidline.registry.standard.persistence;

import org.jspecify.annotations.NullMarked;
