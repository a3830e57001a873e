package org.aidline.api.notification.web;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Closing a task, with what was done. */
public record CompleteRequest(@Size(max = 2000) @Nullable String note) {
}
