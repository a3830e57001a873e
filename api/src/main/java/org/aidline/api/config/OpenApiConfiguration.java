package org.aidline.api.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The published contract's frame: title, version and contact; {@link PublishedContract} adds security, problems, headers and bounds. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    OpenAPI aidlineOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Aidline API")
                        .version("v1")
                        .description("Intake of hardship reports for a provincial social-assistance hotline and citizen app. "
                                + "Errors are RFC 9457 application/problem+json.")
                        .license(new License().name("Apache-2.0"))
                        .contact(new Contact().name("Aidline platform team").url("https://github.com/aidline")))
                .components(new Components());
    }
}
