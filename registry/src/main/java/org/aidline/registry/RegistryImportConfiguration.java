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
import tools.jackson.databind.json.JsonMapper;

/** Wires imports of the people in assistance (issue 13, item 2). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistryImportProperties.class)
public class RegistryImportConfiguration {

    // The import's list of refused rows is kept as JSON in its row (appended to by each batch, read back by GET): its shape
    // must not change when the web's settings do.
    private static final JsonMapper STATEMENT_JSON = JsonMapper.builder().build();

    @Bean
    RegistryImports registryImports(DatabaseClient database, TransactionalOperator transactions) {
        return new R2dbcRegistryImports(database, transactions, STATEMENT_JSON);
    }

    @Bean
    Importer importer(RegistryImports imports, PersonalDataProtector protector, Clock clock, RegistryImportProperties properties) {
        return new Importer(imports, protector, clock, new ImportSettings(properties.batchSize(), properties.maxErrors(), properties.concurrency()));
    }
}
