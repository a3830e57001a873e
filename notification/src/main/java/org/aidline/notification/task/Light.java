package org.aidline.notification.task;

/** How a task stands against its limits: GREEN, YELLOW once the policy's share of a limit is used, RED once one is past. */
public enum Light {
    GREEN, YELLOW, RED
}
