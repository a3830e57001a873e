package org.aidline.api.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The test client reads whole answers however long the suite has been filing: the service's own
 * 64 KB request-body limit (a codec setting) would otherwise also cap what tests can read back.
 * And it reads every answer, also when a test only looks at the status or the headers.
 */
@TestConfiguration(proxyBeanMethods = false)
public class LargeResponses {

    @Bean
    @Order
    WebTestClientBuilderCustomizer largeResponses() {
        return builder -> builder.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
                .filter((request, next) -> next.exchange(request).flatMap(LargeResponses::readWhole));
    }

    /**
     * An answer nobody reads keeps its connection: reactor-netty reads a response body on demand, so
     * one that did not arrive with the headers is never read to its end, and its connection stays
     * checked out of the global pool (shared by every test context) for the rest of the JVM, while the
     * service's side of it waits to finish writing. Event streams are left to the test (they never end).
     */
    static Mono<ClientResponse> readWhole(ClientResponse response) {
        boolean stream = response.headers().contentType().map(MediaType.TEXT_EVENT_STREAM::isCompatibleWith).orElse(false);
        if (stream) {
            return Mono.just(response);
        }
        return DataBufferUtils.join(response.body(BodyExtractors.toDataBuffers()))
                .map(Flux::just)
                .defaultIfEmpty(Flux.<DataBuffer>empty())
                .map(body -> ClientResponse.create(response.statusCode(), response.strategies())
                        .headers(headers -> headers.addAll(response.headers().asHttpHeaders()))
                        .cookies(cookies -> cookies.addAll(response.cookies()))
                        .request(response.request())
                        .body(body)
                        .build());
    }
}
