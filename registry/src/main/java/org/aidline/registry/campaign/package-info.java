/**
 * One-off campaigns: a fixed amount once to every person enrolled in one of their programmes, database-enforced across retries, restarts and instances.
 */
@NullMarked
package org.aidline.registry.campaign;

import org.jspecify.annotations.NullMarked;
