package org.aidline.notification.delivery;

/** How a notification travels: a push to an app, or an SMS to a phone. */
public enum DeliveryChannel {
    PUSH, SMS
}
