package org.aidline.api.verification;

import java.time.Duration;
import java.util.List;
import org.aidline.api.outbound.EndpointSecurity;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The registries a granted household is checked against (SPDCI-shaped search APIs of the
 * departments and banks) and how patiently. None configured, none asked: the embedded default.
 */
@ConfigurationProperties("aidline.verification")
public record VerificationProperties(
        @DefaultValue List<RegistryEndpoint> registries,
        @DefaultValue("PT2S") Duration pollInterval,
        @DefaultValue("PT3S") Duration timeout,
        @DefaultValue("PT30S") Duration lease,
        @DefaultValue("50") int batchSize,
        @DefaultValue("6") int maxAttempts,
        @DefaultValue("PT5S") Duration firstRetry,
        @DefaultValue("PT10M") Duration maxRetry,
        @DefaultValue("aidline") String senderId) {

    /**
     * One registry: its name (the SPDCI receiver and reg_type), the base URL of its API, and how
     * Aidline proves who it is to it (SPDCI's bearer token, a client certificate); the prod profile
     * refuses a registry with neither, since every search carries a resident ID number.
     */
    public record RegistryEndpoint(String name, String baseUrl, @DefaultValue EndpointSecurity security) {
    }
}
