package org.aidline.notification.delivery;

import java.util.UUID;

/**
 * What a notification says: enough for a phone's lock screen and for the app to open the task.
 * The notification id travels with it, so the app and the providers' logs name the same message.
 */
public record TaskMessage(UUID notificationId, UUID taskId, UUID reportId, String reportReference, String category,
        String villageName, boolean urgent) {

    public String title() {
        return urgent ? "紧急求助 Urgent report" : "新求助 New report";
    }

    public String body() {
        return villageName + " · " + category + " · " + reportReference;
    }
}
