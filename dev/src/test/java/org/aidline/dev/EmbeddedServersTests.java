package org.aidline.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.mock.env.MockEnvironment;

/** Which servers start, without starting any: the ports come from counters standing in for them. */
class EmbeddedServersTests {

    final AtomicInteger postgresStarts = new AtomicInteger();
    final AtomicInteger redisStarts = new AtomicInteger();
    final EmbeddedServers servers = new EmbeddedServers(new DeferredLogs(),
            () -> 5000 + postgresStarts.incrementAndGet(), () -> 6000 + redisStarts.incrementAndGet());

    @Test
    void nothingConfiguredStartsBoth() {
        MockEnvironment environment = new MockEnvironment();
        servers.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("spring.r2dbc.url")).isEqualTo("r2dbc:postgresql://127.0.0.1:5001/postgres");
        assertThat(environment.getProperty("spring.r2dbc.username")).isEqualTo("postgres");
        assertThat(environment.getProperty("spring.flyway.url")).isEqualTo("jdbc:postgresql://127.0.0.1:5001/postgres");
        assertThat(environment.getProperty("spring.data.redis.host")).isEqualTo("127.0.0.1");
        assertThat(environment.getProperty("spring.data.redis.port")).isEqualTo("6001");
    }

    @Test
    void configuredServicesAreUsedAndNothingStarts() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.r2dbc.url", "r2dbc:postgresql://db.internal:5432/aidline")
                .withProperty("spring.data.redis.host", "redis.internal");
        servers.postProcessEnvironment(environment, new SpringApplication());
        assertThat(postgresStarts).hasValue(0);
        assertThat(redisStarts).hasValue(0);
        assertThat(environment.getPropertySources().contains(EmbeddedServers.PROPERTY_SOURCE)).isFalse();
    }

    @Test
    void redisClusterOrSentinelCountsAsConfigured() {
        MockEnvironment cluster = new MockEnvironment()
                .withProperty("spring.r2dbc.url", "r2dbc:postgresql://db.internal:5432/aidline")
                .withProperty("spring.data.redis.cluster.nodes[0]", "redis-0:6379");
        servers.postProcessEnvironment(cluster, new SpringApplication());
        MockEnvironment sentinel = new MockEnvironment()
                .withProperty("spring.r2dbc.url", "r2dbc:postgresql://db.internal:5432/aidline")
                .withProperty("spring.data.redis.sentinel.master", "aidline");
        servers.postProcessEnvironment(sentinel, new SpringApplication());
        assertThat(redisStarts).hasValue(0);
    }

    @Test
    void prodProfileStartsNothing() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("prod");
        servers.postProcessEnvironment(environment, new SpringApplication());
        assertThat(postgresStarts).hasValue(0);
        assertThat(redisStarts).hasValue(0);
        assertThat(environment.containsProperty("spring.r2dbc.url")).isFalse();
    }
}
