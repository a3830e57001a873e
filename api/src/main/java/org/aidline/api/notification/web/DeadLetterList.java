package org.aidline.api.notification.web;

import java.util.List;

/** Notifications that failed for good, newest first. */
public record DeadLetterList(List<DeliveryView> items) {
}
