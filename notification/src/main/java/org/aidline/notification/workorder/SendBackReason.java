package org.aidline.notification.workorder;

/** Why an assignee sends a task back (任务回退). */
public enum SendBackReason {
    NOT_MY_VILLAGE, WRONG_PERSON, DUPLICATE, OTHER
}
