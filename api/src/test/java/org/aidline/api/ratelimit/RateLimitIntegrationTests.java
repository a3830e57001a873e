package org.aidline.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.aidline.api.support.Filings;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.SampleReports;
import org.aidline.api.support.Tokens;
import org.aidline.api.support.Tokens.Caller;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The test client is the trusted proxy here (127.0.0.1), so that each test files from addresses of
 * its own, named in X-Forwarded-For as an ingress would.
 */
@IntegrationTest
@TestPropertySource(properties = {"aidline.rate-limit.per-subject=3", "aidline.rate-limit.per-address=12", "aidline.rate-limit.window=PT1H",
        "aidline.edge.trusted-proxies=127.0.0.1/32,::1/128"})
class RateLimitIntegrationTests {

    @Autowired
    WebTestClient web;

    @Autowired
    Tokens tokens;

    @Autowired
    Filings filings;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    void aSubjectOverItsLimitIsToldWhenToRetryAndOthersAreNotAffected() {
        String address = newAddress();
        Caller busy = tokens.newCitizen();
        for (int i = 1; i <= 3; i++) {
            HttpHeaders headers = file(busy, address).expectStatus().isCreated().returnResult(Void.class).getResponseHeaders();
            assertThat(headers.getFirst("RateLimit-Policy")).isEqualTo("\"subject\";q=3;w=3600, \"address\";q=12;w=3600");
            assertThat(headers.getFirst("RateLimit")).matches("\"subject\";r=" + (3 - i) + ";t=\\d+, \"address\";r=" + (12 - i) + ";t=\\d+");
        }
        HttpHeaders refused = file(busy, address)
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/too-many-requests")
                .returnResult().getResponseHeaders();
        long retryAfter = Long.parseLong(refused.getFirst("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 3600L);
        assertThat(refused.getFirst("RateLimit")).isEqualTo("\"subject\";r=0;t=" + retryAfter + ", \"address\";r=8;t=" + retryAfter);

        file(tokens.newCitizen(), address).expectStatus().isCreated();
    }

    @Test
    void manyCitizensBehindOneAddressAreNotRefusedWhileOneOverItsLimitIs() {
        // A carrier's NAT: eight citizens on one address, more than any one subject may send, all taken.
        String sharedAddress = newAddress();
        List<Caller> citizens = java.util.stream.Stream.generate(tokens::newCitizen).limit(8).toList();
        for (Caller citizen : citizens) {
            file(citizen, sharedAddress).expectStatus().isCreated();
        }
        Caller busy = citizens.get(0);
        file(busy, sharedAddress).expectStatus().isCreated();
        file(busy, sharedAddress).expectStatus().isCreated();
        String limits = file(busy, sharedAddress).expectStatus().isEqualTo(429).returnResult(Void.class).getResponseHeaders().getFirst("RateLimit");
        assertThat(limits).as("refused for the subject, with the address's budget left").contains("\"subject\";r=0;", "\"address\";r=1;");
    }

    @Test
    void oneAddressCannotFloodWithManySubjects() {
        String address = newAddress();
        int accepted = 0;
        int status = 201;
        while (status == 201 && accepted <= 12) {
            status = file(tokens.newCitizen(), address).returnResult(Void.class).getStatus().value();
            accepted += status == 201 ? 1 : 0;
        }
        assertThat(status).isEqualTo(429);
        assertThat(accepted).isEqualTo(12);
    }

    @Test
    void eachPostCountsOnceAgainstSubjectAndAddressAndTheCountersExpire() {
        String address = newAddress();
        Caller citizen = tokens.newCitizen();
        file(citizen, address).expectStatus().isCreated();
        file(citizen, address).expectStatus().isCreated();

        for (String counted : List.of("subject:" + citizen.subject(), "address:" + address)) {
            List<String> keys = redis.keys("aidline:ratelimit:" + counted + ":*").collectList().block();
            assertThat(keys).as(counted).hasSize(1);
            assertThat(redis.opsForValue().get(keys.get(0)).block()).isEqualTo("2");
            // Two windows of an hour: a counter outlives its window, then goes by itself.
            assertThat(redis.getExpire(keys.get(0)).block()).isBetween(Duration.ofMinutes(119), Duration.ofHours(2));
        }
    }

    @Test
    void readsAreNotLimited() {
        Caller reader = tokens.newCitizen();
        for (int i = 0; i < 6; i++) {
            web.get().uri("/api/v1/me/reports").header("Authorization", reader.bearer()).exchange().expectStatus().isOk()
                    .expectHeader().doesNotExist("RateLimit");
        }
    }

    WebTestClient.ResponseSpec file(Caller citizen, String address) {
        return filings.reportRequest(citizen.bearer(), Filings.newKey()).header("X-Forwarded-For", address)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(SampleReports.selfReport()).exchange();
    }

    /** An address of the benchmarking range (198.18.0.0/15) no other test files from. */
    private static String newAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198." + (18 + random.nextInt(2)) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }
}
