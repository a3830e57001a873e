package org.aidline.intake.casework;

/** Someone else changed the case between reading and writing it; nothing was written. */
public class CaseChangedException extends RuntimeException {

    public CaseChangedException() {
        super("The case was changed by someone else at the same moment; read it again and retry.");
    }
}
