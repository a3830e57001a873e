package org.aidline.supervision;

/**
 * How the coordinator tasks opened in a period kept their clocks: {@code tasks} opened, of which
 * {@code closedAsDuplicate} (closed as a duplicate by a supervisor, and left out of both clocks); signing
 * for (acknowledged by the sign-for deadline) and handling (completed by the handling deadline as
 * extensions moved it), at the time asked; chases sent about them, extensions asked and granted, and
 * how many of them were sent back at least once.
 */
public record WorkOrderFigures(long tasks, long closedAsDuplicate, OnTime signFor, OnTime handling, long chases, long extensionsAsked,
        long extensionsGranted, long sentBack) {
}
