/** Open311 GeoReport v2 over HTTP (JSON): services, service definitions, filing and reading service requests. */
@NullMarked
package org.aidline.api.open311.web;

import org.jspecify.annotations.NullMarked;
