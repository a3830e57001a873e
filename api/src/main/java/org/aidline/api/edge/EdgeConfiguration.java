package org.aidline.api.edge;

import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import tools.jackson.databind.JacksonModule;

/** Registers what the edge refuses: instants outside what PostgreSQL stores (query and JSON), NULs in JSON strings. */
@Configuration(proxyBeanMethods = false)
public class EdgeConfiguration implements WebFluxConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(Instant.class, new StorableInstants());
    }

    @Bean
    JacksonModule noNulInStrings() {
        return NulFreeStrings.module();
    }

    @Bean
    JacksonModule storableInstantsInJson() {
        return StorableInstantsInJson.module();
    }
}
