/**
 * The feature's rows and set-based statements in PostgreSQL.
 */
@NullMarked
package org.aidline.registry.payroll.persistence;

import org.jspecify.annotations.NullMarked;
