/** The ordinary case's wiring in the service: the closure sweep and its settings. */
@NullMarked
package org.aidline.api.casework;

import org.jspecify.annotations.NullMarked;
