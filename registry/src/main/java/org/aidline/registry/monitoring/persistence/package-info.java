/** Registry events, their rules and the warnings they raised, in PostgreSQL. */
@NullMarked
package org.aidline.registry.monitoring.persistence;

import org.jspecify.annotations.NullMarked;
