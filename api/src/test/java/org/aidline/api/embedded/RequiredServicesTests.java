package org.aidline.api.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.env.MockEnvironment;

/** The packaged jar has no development module, so nothing embedded: with nothing configured the start-up stops and says what to set. */
class RequiredServicesTests {

    @Test
    void withoutPostgresAndRedisTheStartUpStopsSayingWhatToConfigure() {
        MissingServicesException missing = missing(new MockEnvironment());
        FailureAnalysis analysis = new MissingServicesFailureAnalyzer().analyze(missing);
        assertThat(analysis.getDescription()).contains("No PostgreSQL and no Redis", "development module", "packaged jar");
        assertThat(analysis.getAction()).contains("spring.r2dbc.url", "SPRING_R2DBC_URL", "spring.data.redis.host",
                "SPRING_DATA_REDIS_HOST", "./mvnw -pl api -am spring-boot:run");
    }

    @Test
    void onlyWhatIsMissingIsNamed() {
        MissingServicesException missing = missing(new MockEnvironment()
                .withProperty("spring.r2dbc.url", "r2dbc:postgresql://127.0.0.1:5432/test"));
        assertThat(missing.description()).startsWith("No Redis is configured");
        assertThat(missing.action()).contains("spring.data.redis.host").doesNotContain("spring.r2dbc.url");
    }

    @Test
    void prodProfileSaysItEmbedsNothing() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.data.redis.host", "redis.internal");
        environment.setActiveProfiles("prod");
        MissingServicesException missing = missing(environment);
        assertThat(missing.getMessage()).contains("No PostgreSQL is configured", "prod profile starts nothing embedded")
                .doesNotContain("spring-boot:run");
    }

    @Test
    void configuredServicesPass() {
        assertThatNoException().isThrownBy(() -> RequiredServices.check(new MockEnvironment()
                .withProperty("spring.r2dbc.url", "r2dbc:postgresql://db.internal:5432/aidline")
                .withProperty("spring.data.redis.host", "redis.internal")));
        assertThatNoException().isThrownBy(() -> RequiredServices.check(new MockEnvironment()
                .withProperty("spring.r2dbc.url", "r2dbc:postgresql://db.internal:5432/aidline")
                .withProperty("spring.data.redis.url", "rediss://redis.internal:6380")));
        assertThatNoException().isThrownBy(() -> RequiredServices.check(new MockEnvironment()
                .withProperty("spring.r2dbc.url", "r2dbc:postgresql://db.internal:5432/aidline")
                .withProperty("spring.data.redis.cluster.nodes", "redis-0:6379,redis-1:6379")));
    }

    /** Checked at refresh, before any bean: settings added after the environment was prepared still count. */
    @Test
    void theContextStopsAtRefresh() {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.setEnvironment(new MockEnvironment());
            new RequiredServices().initialize(context);
            assertThatExceptionOfType(MissingServicesException.class).isThrownBy(context::refresh);
        }
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            MockEnvironment environment = new MockEnvironment();
            context.setEnvironment(environment);
            new RequiredServices().initialize(context);
            environment.setProperty("spring.r2dbc.url", "r2dbc:postgresql://db.internal:5432/aidline");
            environment.setProperty("spring.data.redis.host", "redis.internal");
            assertThatNoException().isThrownBy(context::refresh);
        }
    }

    private static MissingServicesException missing(MockEnvironment environment) {
        return assertThatExceptionOfType(MissingServicesException.class)
                .isThrownBy(() -> RequiredServices.check(environment))
                .actual();
    }
}
