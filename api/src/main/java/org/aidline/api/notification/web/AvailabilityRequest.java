package org.aidline.api.notification.web;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Taking tasks or not; when not, optionally until when. */
public record AvailabilityRequest(@NotNull Boolean available, @Future @Nullable Instant until) {
}
