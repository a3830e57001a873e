package org.aidline.api.config;

import jakarta.validation.constraints.Min;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the published contract says about the world around the service.
 *
 * @param issuer the OpenID Connect provider whose authorization, token and discovery URLs the contract names
 *     (Keycloak's layout); the default is a placeholder that a deployment replaces with its realm
 * @param maxTextLength the longest text a response carries where no tighter bound is declared: every stored
 *     text came in through a request body of at most {@code aidline.intake.max-body-size}
 * @param maxItems the most elements a response list or history carries where no tighter bound is declared
 */
@Validated
@ConfigurationProperties("aidline.contract")
public record ContractProperties(
        @DefaultValue("https://id.aidline.example/realms/aidline") URI issuer,
        @DefaultValue("65536") @Min(1) int maxTextLength,
        @DefaultValue("10000") @Min(1) int maxItems) {
}
