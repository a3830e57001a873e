package org.aidline.registry.jurisdiction;

/** The registry's state refuses the change (a run not yet due, a later standard in force): 409. */
public class RegistryConflictException extends RuntimeException {

    public RegistryConflictException(String message) {
        super(message);
    }
}
