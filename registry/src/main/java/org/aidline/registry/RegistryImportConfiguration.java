package org.aidline.registry;

import java.time.Clock;
import org.aidline.intake.personaldata.PersonalDataProtector;
import org.aidline.registry.importing.ImportSettings;
import org.aidline.registry.importing.Importer;
import org.aidline.registry.importing.RegistryImports;
import org.aidline.registry.importing.persistence.R2dbcRegistryImports;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/** Wires imports of the people in assistance (issue 13, item 2). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistryImportProperties.class)
public class RegistryImportConfiguration {

    // The statement's JSON is read by PostgreSQL: it must not change shape when the web's settings do. Non-ASCII characters (the
    // masked names) are escaped, so that a batch's JSON stays a one-byte-per-character string: half the heap of a UTF-16 one.
    private static final JsonMapper STATEMENT_JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    @Bean
    RegistryImports registryImports(DatabaseClient database, TransactionalOperator transactions) {
        return new R2dbcRegistryImports(database, transactions, STATEMENT_JSON);
    }

    @Bean
    Importer importer(RegistryImports imports, PersonalDataProtector protector, Clock clock, RegistryImportProperties properties) {
        return new Importer(imports, protector, clock, new ImportSettings(properties.batchSize(), properties.maxErrors(), properties.concurrency()));
    }
}
