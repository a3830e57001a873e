package org.aidline.api.supervision.web;

import java.util.Map;

/** How many items wait in each queue (by its path name) of the region, under the filter. */
public record QueueCounts(String region, Map<String, Long> counts) {
}
