package org.aidline.notification.task;

/** The links of the assignment chain, in the order a silent task climbs them. */
public enum ChainLink {
    VILLAGE, TOWNSHIP, COUNTY;

    /** The rank stored with a task: 1 for the village coordinator, 3 for the county supervisor. */
    public static ChainLink ofRank(int rank) {
        return values()[rank - 1];
    }
}
