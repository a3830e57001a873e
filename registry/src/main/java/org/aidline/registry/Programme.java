package org.aidline.registry;

/** The assistance programmes a person may be enrolled in (the rows of {@code programme}). */
public enum Programme {
    /** 最低生活保障. */
    MINIMUM_LIVING,
    /** 特困人员救助供养. */
    EXTREME_POVERTY,
    /** 孤儿和事实无人抚养儿童基本生活费. */
    ORPHAN_ALLOWANCE,
    /** 困难残疾人生活补贴和重度残疾人护理补贴. */
    DISABILITY_SUBSIDY
}
