package org.aidline.intake.callback;

/** The report has no call-back waiting: not closed yet, already answered, or its tries are used up. */
public class NoCallBackWaitingException extends RuntimeException {

    public NoCallBackWaitingException(String message) {
        super(message);
    }
}
