package org.aidline.intake.callback;

/** Someone else recorded a try of the same item (or the report moved) since it was read: nothing was recorded. */
public class CallBackChangedException extends RuntimeException {

    public CallBackChangedException() {
        super("The call-back changed while this answer was recorded; read it again.");
    }
}
