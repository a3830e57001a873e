package org.aidline.api.schema;

import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * Migrates each module's schema alone, in module order, with the connection and settings Boot
 * configured ({@code spring.flyway.*}): one Flyway history per module, so a module's migrations
 * never wait for, or depend on the version numbers of, another's.
 */
public class ModuleMigrations implements FlywayMigrationStrategy {

    @Override
    public void migrate(Flyway configured) {
        for (String schema : ModuleSchemas.IN_ORDER) {
            Flyway.configure(configured.getConfiguration().getClassLoader())
                    .configuration(configured.getConfiguration())
                    .schemas(schema)
                    .defaultSchema(schema)
                    .locations(ModuleSchemas.location(schema))
                    .load()
                    .migrate();
        }
    }
}
