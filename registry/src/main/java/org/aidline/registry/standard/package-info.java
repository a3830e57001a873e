/**
 * Programme standards per county: versioned, and when raised from a date they recompute the enrolments' amounts in one statement and owe back-payments for months already paid.
 */
@NullMarked
package org.aidline.registry.standard;

import org.jspecify.annotations.NullMarked;
