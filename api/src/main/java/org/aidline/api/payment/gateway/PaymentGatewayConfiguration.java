package org.aidline.api.payment.gateway;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.time.Duration;
import org.aidline.api.outbound.EndpointSecurity;
import org.aidline.api.outbound.OutboundClients;
import org.aidline.intake.PaymentsProperties;
import org.aidline.intake.payment.PaymentGateway;
import org.aidline.registry.PayoutsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The payment gateway: G2P Connect at the configured base URL, with the bank's token and client
 * certificate where configured, or, on the embedded default only, a logging stand-in.
 */
@Configuration(proxyBeanMethods = false)
public class PaymentGatewayConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PaymentGatewayConfiguration.class);

    @Bean
    PaymentGateway paymentGateway(PaymentsProperties properties, GatewaySecurityProperties securityProperties, OutboundClients outbound,
            PayoutsProperties payouts, JsonMapper json, Clock clock, Environment environment, CircuitBreakerRegistry breakers) {
        PaymentsProperties.Gateway gateway = properties.gateway();
        boolean prod = environment.acceptsProfiles(Profiles.of("prod"));
        // Grants and the registry's payrolls and campaigns pay through this one gateway: either paying is paying.
        boolean pays = properties.enabled() || payouts.enabled();
        if (gateway.baseUrl() == null) {
            if (pays && prod) {
                // Reporting payments as made without a bank would be the one unforgivable default.
                throw new IllegalStateException("Set aidline.payments.gateway.base-url in production, or both "
                        + "aidline.payments.enabled=false and aidline.registry.payouts.enabled=false (no instance pays)");
            }
            log.warn("No aidline.payments.gateway.base-url: payments are only logged and reported paid (embedded default)");
            return new LoggingPaymentGateway();
        }
        EndpointSecurity security = securityProperties.endpoint();
        if (!security.isConfigured()) {
            if (pays && prod) {
                // Money moves only on calls the bank can attribute to us: a token, a client certificate, or both.
                throw new IllegalStateException("The bank gateway needs credentials in production: set "
                        + "aidline.payments.gateway.security.oauth2.* and/or aidline.payments.gateway.security.ssl-bundle");
            }
            log.warn("The bank gateway at {} is called without a token or a client certificate", gateway.baseUrl());
        }
        WebClient client = outbound.builder("payment-gateway", gateway.baseUrl().toString(), gateway.connectTimeout(),
                        gateway.responseTimeout(), security)
                .codecs(codecs -> {
                    codecs.defaultCodecs().jacksonJsonEncoder(new JacksonJsonEncoder(json));
                    codecs.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(json));
                })
                .build();
        PaymentsProperties.Breaker settings = gateway.breaker();
        CircuitBreaker breaker = breakers.circuitBreaker("payment-gateway", CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .slidingWindowSize(settings.slidingWindow())
                .minimumNumberOfCalls(settings.minimumCalls())
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(Math.max(1, settings.minimumCalls() / 2))
                .build());
        Duration oneCall = gateway.connectTimeout().plus(gateway.responseTimeout());
        // With tokens, a call may first have to fetch one, within the same timeouts.
        Duration callTimeout = security.oauth2() == null ? oneCall : oneCall.multipliedBy(2);
        return new G2pConnectGateway(client, breaker, gateway.senderId(), gateway.receiverId(), callTimeout, clock);
    }
}
