package org.aidline.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.aidline.api.support.Filings;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.SampleReports;
import org.aidline.api.support.Tokens;
import org.aidline.api.support.Tokens.Caller;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

@IntegrationTest
@TestPropertySource(properties = {"aidline.rate-limit.per-subject=3", "aidline.rate-limit.per-address=12", "aidline.rate-limit.window=PT1H"})
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
        Caller busy = tokens.newCitizen();
        for (int i = 0; i < 3; i++) {
            file(busy).expectStatus().isCreated();
        }
        String retryAfter = file(busy)
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/too-many-requests")
                .returnResult().getResponseHeaders().getFirst("Retry-After");
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 3600L);

        file(tokens.newCitizen()).expectStatus().isCreated();
    }

    @Test
    void oneAddressCannotFloodWithManySubjects() {
        int accepted = 0;
        int status = 201;
        // Every test of this class posts from 127.0.0.1, so the address budget may be partly spent.
        while (status == 201 && accepted <= 12) {
            status = file(tokens.newCitizen()).returnResult(Void.class).getStatus().value();
            accepted += status == 201 ? 1 : 0;
        }
        assertThat(status).isEqualTo(429);
        assertThat(accepted).isLessThanOrEqualTo(12);
    }

    @Test
    void eachPostCountsOnceAgainstSubjectAndAddressAndTheCountersExpire() {
        Caller citizen = tokens.newCitizen();
        file(citizen).expectStatus().isCreated();
        file(citizen).expectStatus().isCreated();

        List<String> subjectKeys = redis.keys("aidline:ratelimit:subject:" + citizen.subject() + ":*").collectList().block();
        assertThat(subjectKeys).hasSize(1);
        assertThat(redis.opsForValue().get(subjectKeys.get(0)).block()).isEqualTo("2");
        // Two windows of an hour: a counter outlives its window, then goes by itself.
        assertThat(redis.getExpire(subjectKeys.get(0)).block()).isBetween(Duration.ofMinutes(119), Duration.ofHours(2));
        List<String> addressKeys = redis.keys("aidline:ratelimit:address:*").collectList().block();
        assertThat(addressKeys).isNotEmpty().allSatisfy(key ->
                assertThat(redis.getExpire(key).block()).isPositive().isLessThanOrEqualTo(Duration.ofHours(2)));
    }

    @Test
    void readsAreNotLimited() {
        Caller reader = tokens.newCitizen();
        for (int i = 0; i < 6; i++) {
            web.get().uri("/api/v1/me/reports").header("Authorization", reader.bearer()).exchange().expectStatus().isOk();
        }
    }

    WebTestClient.ResponseSpec file(Caller citizen) {
        return filings.report(citizen, SampleReports.selfReport());
    }
}
