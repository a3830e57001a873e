package org.aidline.api.verification;

import io.netty.channel.ChannelOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.aidline.intake.personaldata.PersonalDataProtector;
import org.aidline.intake.verification.Registries;
import org.aidline.intake.verification.Registry;
import org.aidline.intake.verification.Verifications;
import org.aidline.intake.verification.Verifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/** Wires the configured registries to the verifier. */
@Configuration(proxyBeanMethods = false)
public class VerificationConfiguration {

    @Bean
    Registries registries(VerificationProperties properties, Clock clock) {
        Map<String, Registry> registries = new LinkedHashMap<>();
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.timeout().toMillis())
                .responseTimeout(properties.timeout());
        for (VerificationProperties.RegistryEndpoint endpoint : properties.registries()) {
            WebClient client = WebClient.builder().baseUrl(endpoint.baseUrl()).clientConnector(new ReactorClientHttpConnector(http)).build();
            registries.put(endpoint.name(), new SpdciRegistry(endpoint.name(), client, properties.senderId(), properties.timeout(), clock));
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
