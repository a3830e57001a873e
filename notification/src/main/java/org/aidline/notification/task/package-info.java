/** Coordinator tasks: one per report that is not rejected, assigned along the chain village, township, county; acknowledged, visited, completed. */
@NullMarked
package org.aidline.notification.task;

import org.jspecify.annotations.NullMarked;
