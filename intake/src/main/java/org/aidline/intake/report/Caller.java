package org.aidline.intake.report;

import org.jspecify.annotations.Nullable;

/** The person on the hotline, who may call for someone else. */
public record Caller(PhoneNumber phone, @Nullable String name, @Nullable String relation) {
}
