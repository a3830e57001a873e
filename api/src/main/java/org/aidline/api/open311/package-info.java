/** Open311 GeoReport v2 for partners that speak it: its ports (handling deadlines, the requests read model) and wiring. */
@NullMarked
package org.aidline.api.open311;

import org.jspecify.annotations.NullMarked;
