/**
 * The service's edge: what a client can send that must be refused before it reaches a controller
 * or the database (bytes the firewall rejects, an unreadable Accept-Language, instants PostgreSQL
 * cannot store, NUL characters), each refused as a 4xx problem.
 */
@NullMarked
package org.aidline.api.edge;

import org.jspecify.annotations.NullMarked;
