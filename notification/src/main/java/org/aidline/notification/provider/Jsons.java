package org.aidline.notification.provider;

import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Reads the providers' small JSON answers. */
final class Jsons {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Jsons() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(String body) {
        return MAPPER.readValue(body, Map.class);
    }
}
