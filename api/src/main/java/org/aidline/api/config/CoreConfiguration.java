package org.aidline.api.config;

import java.time.Clock;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import java.util.Base64;
import java.util.Map;
import org.aidline.api.schema.ModuleMigrations;
import org.aidline.api.schema.ModuleSchemas;
import org.aidline.intake.personaldata.PersonalDataProtector;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock, the personal-data keys, the database limits and schemas, and the request size limit. */
@Configuration(proxyBeanMethods = false)
public class CoreConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PersonalDataProtector personalDataProtector(PersonalDataProperties properties) {
        Base64.Decoder base64 = Base64.getDecoder();
        return new PersonalDataProtector(base64.decode(properties.encryptionKey()), base64.decode(properties.hashKey()));
    }

    /** Server-side limits on every connection, whether the database is the embedded one or configured. */
    @Bean
    ConnectionFactoryOptionsBuilderCustomizer databaseLimits(DatabaseProperties properties) {
        return builder -> builder.option(PostgresqlConnectionFactoryProvider.OPTIONS, Map.of(
                "lock_timeout", properties.lockTimeout().toMillis() + "ms",
                "idle_in_transaction_session_timeout", properties.idleInTransactionTimeout().toMillis() + "ms",
                "search_path", ModuleSchemas.searchPath()));
    }

    /** Each module's schema migrated alone, in module order. */
    @Bean
    FlywayMigrationStrategy moduleMigrations() {
        return new ModuleMigrations();
    }

    /** Bodies above the limit are refused with 413 before they are buffered whole. */
    @Bean
    CodecCustomizer requestSizeLimit(IntakeProperties properties) {
        return configurer -> configurer.defaultCodecs().maxInMemorySize((int) properties.maxBodySize().toBytes());
    }
}
