package org.aidline.api.outbound;

import java.time.Clock;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The builder of the bank gateway's and the registries' clients. */
@Configuration(proxyBeanMethods = false)
public class OutboundConfiguration {

    @Bean
    OutboundClients outboundClients(SslBundles sslBundles, Clock clock) {
        return new OutboundClients(sslBundles, clock);
    }
}
