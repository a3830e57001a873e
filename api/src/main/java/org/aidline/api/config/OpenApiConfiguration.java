package org.aidline.api.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The published contract's frame: title, version and the bearer scheme every API call uses. */
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
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("An OAuth2 access token; on the embedded default, from POST /dev/token")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
