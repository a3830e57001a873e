package org.aidline.notification.delivery;

import java.util.UUID;

/**
 * What a notification says: enough for a phone's lock screen and for the app to open the task.
 * The notification id travels with it, so the app and the providers' logs name the same message;
 * {@code kind} says what it is about (the assignment, a chase, a decision on an extension).
 */
public record TaskMessage(UUID notificationId, UUID taskId, UUID reportId, String reportReference, String category,
        String villageName, boolean urgent, String kind) {

    /** A message about the task's assignment (its kind when nothing else is said). */
    public static final String ASSIGNED = "ASSIGNED";

    public String title() {
        if ("CHASE".equals(kind)) {
            return "催办 Chase: a deadline is near or past";
        }
        if ("EXTENSION_DECIDED".equals(kind)) {
            return "延期答复 Your extension was decided";
        }
        return urgent ? "紧急求助 Urgent report" : "新求助 New report";
    }

    public String body() {
        return villageName + " · " + category + " · " + reportReference;
    }
}
