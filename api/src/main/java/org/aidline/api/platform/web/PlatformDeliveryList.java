package org.aidline.api.platform.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A page of 12345 deliveries, newest first; {@code nextCursor} continues it. */
public record PlatformDeliveryList(List<PlatformDeliveryView> items, @Nullable String nextCursor) {
}
