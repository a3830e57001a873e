/** Auditors read the trail and have its chain verified. */
@NullMarked
package org.aidline.api.audit.web;

import org.jspecify.annotations.NullMarked;
