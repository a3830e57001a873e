/** The ordinary case over HTTP: its steps, objections, decision and the county's review of filed decisions. */
@NullMarked
package org.aidline.api.casework.web;

import org.jspecify.annotations.NullMarked;
