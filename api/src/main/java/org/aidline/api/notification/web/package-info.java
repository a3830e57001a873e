/** The HTTP face of coordinator tasks: task list and actions, live stream, devices, availability, dead letters. */
@NullMarked
package org.aidline.api.notification.web;

import org.jspecify.annotations.NullMarked;
