package org.aidline.api.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/**
 * The test client reads whole answers however long the suite has been filing: the service's own
 * 64 KB request-body limit (a codec setting) would otherwise also cap what tests can read back.
 */
@TestConfiguration(proxyBeanMethods = false)
public class LargeResponses {

    @Bean
    @Order
    WebTestClientBuilderCustomizer largeResponses() {
        return builder -> builder.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024));
    }
}
