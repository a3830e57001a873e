package org.aidline.notification.workorder;

/** An extension waits for a supervisor, who grants or refuses it. */
public enum ExtensionStatus {
    PENDING, GRANTED, REFUSED
}
