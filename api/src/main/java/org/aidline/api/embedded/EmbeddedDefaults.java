package org.aidline.api.embedded;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The embedded default: whatever is not configured is provided here, so that the service runs
 * with no configuration at all. No PostgreSQL configured: an embedded one. No Redis: an embedded
 * one. No OAuth2 issuer: the development issuer. The {@code prod} profile gets none of this and
 * must be configured in full.
 */
public class EmbeddedDefaults implements EnvironmentPostProcessor {

    static final String PROPERTY_SOURCE = "aidlineEmbeddedDefaults";

    // Development-only keys; the prod profile refuses to start without its own.
    private static final String DEV_ENCRYPTION_KEY = "ZGV2ZWxvcG1lbnQtb25seS1lbmNyeXB0aW9uLWtleSE=";
    private static final String DEV_HASH_KEY = "ZGV2ZWxvcG1lbnQtb25seS1ob3VzZWhvbGQtaGFzaC1rZXkhIQ==";
    private static final String DEV_AUDIT_KEY = "ZGV2ZWxvcG1lbnQtb25seS1hdWRpdC1jaGFpbi1rZXkhIQ==";

    private final Log log;

    public EmbeddedDefaults(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedDefaults.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new HashMap<>();
        if (Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
            if (environment.containsProperty("spring.r2dbc.url") && !environment.containsProperty("spring.flyway.url")) {
                defaults.putAll(flywayFromR2dbc(environment));
                environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, defaults));
            }
            return;
        }
        if (!environment.containsProperty("spring.r2dbc.url")) {
            int port = EmbeddedServices.postgres().getPort();
            log.info("No spring.r2dbc.url configured: using an embedded PostgreSQL on port " + port);
            defaults.put("spring.r2dbc.url", "r2dbc:postgresql://127.0.0.1:" + port + "/postgres");
            defaults.put("spring.r2dbc.username", "postgres");
            defaults.put("spring.flyway.url", "jdbc:postgresql://127.0.0.1:" + port + "/postgres");
            defaults.put("spring.flyway.user", "postgres");
        } else if (!environment.containsProperty("spring.flyway.url")) {
            defaults.putAll(flywayFromR2dbc(environment));
        }
        if (!environment.containsProperty("spring.data.redis.host") && !environment.containsProperty("spring.data.redis.url")) {
            int port = EmbeddedServices.redisPort();
            log.info("No spring.data.redis.host configured: using an embedded Redis on port " + port);
            defaults.put("spring.data.redis.host", "127.0.0.1");
            defaults.put("spring.data.redis.port", port);
        }
        if (!hasExternalIssuer(environment)) {
            defaults.put("aidline.dev-issuer.enabled", true);
        }
        if (!environment.containsProperty("aidline.personal-data.encryption-key")) {
            defaults.put("aidline.personal-data.encryption-key", DEV_ENCRYPTION_KEY);
            defaults.put("aidline.personal-data.hash-key", DEV_HASH_KEY);
        }
        if (!environment.containsProperty("aidline.audit.chain-key")) {
            defaults.put("aidline.audit.chain-key", DEV_AUDIT_KEY);
        }
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, defaults));
    }

    private static boolean hasExternalIssuer(ConfigurableEnvironment environment) {
        return environment.containsProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri")
                || environment.containsProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri")
                || environment.containsProperty("spring.security.oauth2.resourceserver.jwt.public-key-location");
    }

    /** Flyway needs JDBC; derive it from the R2DBC settings so one URL configures both. */
    static Map<String, Object> flywayFromR2dbc(ConfigurableEnvironment environment) {
        String r2dbc = environment.getProperty("spring.r2dbc.url", "");
        Map<String, Object> flyway = new HashMap<>();
        if (r2dbc.startsWith("r2dbc:postgresql://") || r2dbc.startsWith("r2dbc:postgres://")) {
            flyway.put("spring.flyway.url", "jdbc:postgresql://" + r2dbc.substring(r2dbc.indexOf("://") + 3));
            String user = environment.getProperty("spring.r2dbc.username");
            String password = environment.getProperty("spring.r2dbc.password");
            if (user != null) {
                flyway.put("spring.flyway.user", user);
            }
            if (password != null) {
                flyway.put("spring.flyway.password", password);
            }
        }
        return flyway;
    }
}
