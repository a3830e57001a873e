package org.aidline.intake.verification;

import java.util.Map;

/** Something a registry holds on the household, such as a registered vehicle, as the registry put it. */
public record Finding(String registry, Map<String, Object> record) {

    public Finding {
        record = Map.copyOf(record);
    }
}
