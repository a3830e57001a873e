/** Supervision's HTTP face: work queues, statistics and CSV exports for supervisors and auditors of a region. */
@NullMarked
package org.aidline.api.supervision.web;

import org.jspecify.annotations.NullMarked;
