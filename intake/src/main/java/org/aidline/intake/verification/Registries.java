package org.aidline.intake.verification;

import java.util.Map;

/** The registries the service is configured to ask, by name: the same ones after a grant and before an ordinary decision. */
public record Registries(Map<String, Registry> byName) {

    public Registries {
        byName = Map.copyOf(byName);
    }
}
