package org.aidline.notification.device;

/** The push service a device token belongs to: FCM outside mainland China, JPush inside it. */
public enum PushService {
    FCM, JPUSH
}
