package org.aidline.api.payment.gateway;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.netty.channel.ChannelOption;
import java.time.Clock;
import org.aidline.intake.PaymentsProperties;
import org.aidline.intake.payment.PaymentGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

/** The payment gateway: G2P Connect at the configured base URL, or, on the embedded default only, a logging stand-in. */
@Configuration(proxyBeanMethods = false)
public class PaymentGatewayConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PaymentGatewayConfiguration.class);

    @Bean
    PaymentGateway paymentGateway(PaymentsProperties properties, JsonMapper json, Clock clock, Environment environment,
            CircuitBreakerRegistry breakers) {
        PaymentsProperties.Gateway gateway = properties.gateway();
        if (gateway.baseUrl() == null) {
            if (properties.enabled() && environment.acceptsProfiles(Profiles.of("prod"))) {
                // Reporting payments as made without a bank would be the one unforgivable default.
                throw new IllegalStateException("Set aidline.payments.gateway.base-url, or aidline.payments.enabled=false, in production");
            }
            log.warn("No aidline.payments.gateway.base-url: payments are only logged and reported paid (embedded default)");
            return new LoggingPaymentGateway();
        }
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(gateway.connectTimeout().toMillis()))
                .responseTimeout(gateway.responseTimeout());
        WebClient client = WebClient.builder()
                .baseUrl(gateway.baseUrl().toString())
                .clientConnector(new ReactorClientHttpConnector(http))
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
        return new G2pConnectGateway(client, breaker, gateway.senderId(), gateway.receiverId(),
                gateway.connectTimeout().plus(gateway.responseTimeout()), clock);
    }
}
