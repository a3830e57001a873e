/** The call-back over HTTP: the operators' queue of their region and each call recorded against a report. */
@NullMarked
package org.aidline.api.callback.web;

import org.jspecify.annotations.NullMarked;
