package org.aidline.api.verification;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.aidline.api.outbound.OutboundClients;
import org.aidline.intake.personaldata.PersonalDataProtector;
import org.aidline.intake.verification.Registries;
import org.aidline.intake.verification.Registry;
import org.aidline.intake.verification.Verifications;
import org.aidline.intake.verification.Verifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.web.reactive.function.client.WebClient;

/** Wires the configured registries, each with its own token and client certificate where configured, to the verifier. */
@Configuration(proxyBeanMethods = false)
public class VerificationConfiguration {

    @Bean
    Registries registries(VerificationProperties properties, OutboundClients outbound, Clock clock, Environment environment) {
        boolean prod = environment.acceptsProfiles(Profiles.of("prod"));
        Map<String, Registry> registries = new LinkedHashMap<>();
        for (VerificationProperties.RegistryEndpoint endpoint : properties.registries()) {
            if (prod && !endpoint.security().isConfigured()) {
                // Every search sends a resident ID number: only to a registry that knows who asks.
                throw new IllegalStateException("Registry " + endpoint.name() + " needs credentials in production: set "
                        + "aidline.verification.registries[].security.oauth2.* and/or .security.ssl-bundle");
            }
            WebClient client = outbound.builder("registry-" + endpoint.name(), endpoint.baseUrl(), properties.timeout(),
                    properties.timeout(), endpoint.security()).build();
            // With a token, a search may first have to fetch one, within the same timeout.
            Duration timeout = endpoint.security().oauth2() == null ? properties.timeout() : properties.timeout().multipliedBy(2);
            registries.put(endpoint.name(), new SpdciRegistry(endpoint.name(), client, properties.senderId(), timeout, clock));
        }
        return new Registries(registries);
    }

    @Bean
    Verifier verifier(Verifications verifications, Registries registries, PersonalDataProtector protector, VerificationProperties properties,
            Clock clock) {
        return new Verifier(verifications, registries.byName(), protector,
                new Verifier.Settings(properties.lease(), properties.batchSize(), properties.maxAttempts(),
                        properties.firstRetry(), properties.maxRetry()),
                clock);
    }
}
