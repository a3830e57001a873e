/** HTTP intake of monitoring flags in bulk, as JSON or CSV, streamed. */
@NullMarked
package org.aidline.api.monitoring.web;

import org.jspecify.annotations.NullMarked;
