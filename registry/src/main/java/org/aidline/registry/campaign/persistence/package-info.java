/**
 * The feature's rows and set-based statements in PostgreSQL.
 */
@NullMarked
package org.aidline.registry.campaign.persistence;

import org.jspecify.annotations.NullMarked;
