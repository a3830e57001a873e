package org.aidline.registry.jurisdiction;

/** No such run or standard (or none the actor may know of): 404. */
public class RegistryNotFoundException extends RuntimeException {

    public RegistryNotFoundException(String message) {
        super(message);
    }
}
