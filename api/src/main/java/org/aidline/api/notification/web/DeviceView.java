package org.aidline.api.notification.web;

import java.time.Instant;

/** A registered device; the token itself is never echoed whole. */
public record DeviceView(String id, String provider, String tokenEnding, Instant registeredAt) {
}
