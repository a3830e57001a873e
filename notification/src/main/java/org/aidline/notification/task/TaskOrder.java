package org.aidline.notification.task;

/**
 * How a task list is sorted: newest first; by the next deadline (open tasks only), soonest first;
 * or by light (RED, then YELLOW, then GREEN; open tasks only), soonest deadline first within one.
 */
public enum TaskOrder {
    NEWEST, DEADLINE, LIGHT
}
