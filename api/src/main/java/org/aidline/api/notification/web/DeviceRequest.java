package org.aidline.api.notification.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.aidline.notification.device.PushService;

/** A device token and the push service it belongs to (FCM, or JPUSH in mainland China). */
public record DeviceRequest(@NotNull PushService provider, @NotBlank @Size(max = 4096) String token) {
}
