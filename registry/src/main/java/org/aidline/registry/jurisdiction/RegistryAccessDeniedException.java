package org.aidline.registry.jurisdiction;

/** The actor may not do this to the registry (a role or region refused): 403. */
public class RegistryAccessDeniedException extends RuntimeException {

    public RegistryAccessDeniedException(String message) {
        super(message);
    }
}
