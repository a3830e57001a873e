/** The report's wiring in the service: where its task's clock comes from. */
@NullMarked
package org.aidline.api.report;

import org.jspecify.annotations.NullMarked;
