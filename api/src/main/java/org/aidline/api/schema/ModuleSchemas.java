package org.aidline.api.schema;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The modules that own tables, in the order they migrate: each in its own PostgreSQL schema, with
 * its own Flyway location ({@code classpath:db/<schema>}) and history table. A module may read only
 * what the modules before it publish, so a fresh database migrates module by module.
 */
public final class ModuleSchemas {

    /**
     * intake owns reports and reference data; notification reads intake's views; registry (the people in
     * assistance) reads intake's; api keeps HTTP's receipts.
     */
    public static final List<String> IN_ORDER = List.of("intake", "notification", "registry", "api");

    private ModuleSchemas() {
    }

    /** Where the service's statements find the modules' tables, each module's code naming only its own. */
    public static String searchPath() {
        return IN_ORDER.stream().collect(Collectors.joining(",")) + ",public";
    }

    public static String location(String schema) {
        return "classpath:db/" + schema;
    }
}
