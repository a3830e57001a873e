/** HTTP of the 12345 exchange's deliveries, for supervisors. */
@NullMarked
package org.aidline.api.platform.web;

import org.jspecify.annotations.NullMarked;
