package org.aidline.api.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class EmbeddedDefaultsTests {

    final EmbeddedDefaults defaults = new EmbeddedDefaults();

    @Test
    void prodProfileGetsNothingEmbedded() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("prod");
        defaults.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getPropertySources().contains(EmbeddedDefaults.PROPERTY_SOURCE)).isFalse();
        assertThat(environment.containsProperty("aidline.dev-issuer.enabled")).isFalse();
        assertThat(environment.containsProperty("aidline.personal-data.encryption-key")).isFalse();
    }

    @Test
    void prodProfileDerivesFlywayFromR2dbc() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.r2dbc.url", "r2dbc:postgresql://db.internal:5432/aidline")
                .withProperty("spring.r2dbc.username", "aidline");
        environment.setActiveProfiles("prod");
        defaults.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("spring.flyway.url")).isEqualTo("jdbc:postgresql://db.internal:5432/aidline");
        assertThat(environment.getProperty("spring.flyway.user")).isEqualTo("aidline");
        assertThat(environment.containsProperty("aidline.dev-issuer.enabled")).isFalse();
        assertThat(environment.containsProperty("spring.data.redis.port")).isFalse();
    }

    @Test
    void fullyConfiguredEnvironmentStartsNothingAndHasNoDevIssuer() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.r2dbc.url", "r2dbc:postgresql://db.internal:5432/aidline?sslMode=require")
                .withProperty("spring.r2dbc.username", "aidline")
                .withProperty("spring.r2dbc.password", "secret")
                .withProperty("spring.data.redis.host", "redis.internal")
                .withProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", "https://id.example/realms/aidline")
                .withProperty("aidline.personal-data.encryption-key", "x")
                .withProperty("aidline.personal-data.hash-key", "y");
        defaults.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("aidline.dev-issuer.enabled")).isNull();
        assertThat(environment.getProperty("spring.flyway.url")).isEqualTo("jdbc:postgresql://db.internal:5432/aidline?sslMode=require");
        assertThat(environment.getProperty("spring.flyway.user")).isEqualTo("aidline");
        assertThat(environment.getProperty("spring.flyway.password")).isEqualTo("secret");
        assertThat(environment.getProperty("spring.data.redis.port")).isNull();
        assertThat(environment.getProperty("aidline.personal-data.encryption-key")).isEqualTo("x");
    }

    @Test
    void withoutAnIssuerTheDevelopmentIssuerIsOn() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.r2dbc.url", "r2dbc:postgresql://127.0.0.1:5432/test")
                .withProperty("spring.data.redis.host", "127.0.0.1");
        defaults.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("aidline.dev-issuer.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("aidline.personal-data.encryption-key")).isNotBlank();
    }
}
