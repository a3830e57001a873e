/**
 * Departments' registry events (issue 13, item 6) and what the county's rules make of them: a
 * coordinator's visit (a MONITORING report filed through intake), the end of a dead person's
 * enrolments, or temporary aid with no application (免申即享); warnings for the same person and
 * cause within the rule's window merged into the first one's report.
 */
@NullMarked
package org.aidline.registry.monitoring;

import org.jspecify.annotations.NullMarked;
