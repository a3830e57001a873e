/** The working-day calendar over HTTP: staff read it, a province supervisor replaces a year. */
@NullMarked
package org.aidline.api.calendar.web;

import org.jspecify.annotations.NullMarked;
