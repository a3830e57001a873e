package org.aidline.api.embedded;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The embedded default: whatever is not configured is provided here, so that the service runs
 * with no configuration at all. No OAuth2 issuer: the development issuer. No keys: development
 * keys. The {@code prod} profile gets none of this and must be configured in full.
 *
 * <p>PostgreSQL and Redis are not started here: the development module ({@code dev/},
 * {@code org.aidline.dev.EmbeddedServers}) starts embedded ones before this runs, and it is on
 * the class path of {@code spring-boot:run} and of the tests only, never in the packaged jar.
 * Without it (the jar, the image), a missing PostgreSQL or Redis stops the start-up with what to
 * configure ({@link RequiredServices}).
 */
public class EmbeddedDefaults implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE = "aidlineEmbeddedDefaults";

    // Development-only keys; the prod profile refuses to start without its own.
    private static final String DEV_ENCRYPTION_KEY = "ZGV2ZWxvcG1lbnQtb25seS1lbmNyeXB0aW9uLWtleSE=";
    private static final String DEV_HASH_KEY = "ZGV2ZWxvcG1lbnQtb25seS1ob3VzZWhvbGQtaGFzaC1rZXkhIQ==";
    private static final String DEV_AUDIT_KEY = "ZGV2ZWxvcG1lbnQtb25seS1hdWRpdC1jaGFpbi1rZXkhIQ==";

    /** Last, after the development module's embedded servers. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean prod = Arrays.asList(environment.getActiveProfiles()).contains("prod");
        Map<String, Object> defaults = new HashMap<>();
        if (!environment.containsProperty("spring.flyway.url")) {
            defaults.putAll(flywayFromR2dbc(environment));
        }
        if (!prod) {
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
        }
        if (!defaults.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, defaults));
        }
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
