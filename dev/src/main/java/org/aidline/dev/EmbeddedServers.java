package org.aidline.dev;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntSupplier;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The servers of the embedded default: no PostgreSQL configured, an embedded one; no Redis, an
 * embedded one. The {@code prod} profile gets neither. Runs before the api's
 * {@code EmbeddedDefaults}, which adds the rest of the development defaults (issuer, keys, Flyway
 * from R2DBC). Without this module (the packaged jar), the api's {@code RequiredServices} stops the
 * start-up instead, saying what to configure.
 */
public class EmbeddedServers implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE = "aidlineEmbeddedServers";

    /** Before the api's {@code EmbeddedDefaults} (lowest precedence), after the configuration files. */
    public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;

    private final Log log;
    private final IntSupplier postgresPort;
    private final IntSupplier redisPort;

    public EmbeddedServers(DeferredLogFactory logs) {
        this(logs, EmbeddedServices::postgresPort, EmbeddedServices::redisPort);
    }

    EmbeddedServers(DeferredLogFactory logs, IntSupplier postgresPort, IntSupplier redisPort) {
        this.log = logs.getLog(EmbeddedServers.class);
        this.postgresPort = postgresPort;
        this.redisPort = redisPort;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
            return;
        }
        Map<String, Object> servers = new HashMap<>();
        if (!postgresConfigured(environment)) {
            int port = postgresPort.getAsInt();
            log.info("No spring.r2dbc.url configured: using an embedded PostgreSQL on port " + port);
            servers.put("spring.r2dbc.url", "r2dbc:postgresql://127.0.0.1:" + port + "/postgres");
            servers.put("spring.r2dbc.username", "postgres");
            servers.put("spring.flyway.url", "jdbc:postgresql://127.0.0.1:" + port + "/postgres");
            servers.put("spring.flyway.user", "postgres");
        }
        if (!redisConfigured(environment)) {
            int port = redisPort.getAsInt();
            log.info("No spring.data.redis.host configured: using an embedded Redis on port " + port);
            servers.put("spring.data.redis.host", "127.0.0.1");
            servers.put("spring.data.redis.port", port);
        }
        if (!servers.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, servers));
        }
    }

    // The same tests as the api's RequiredServices, which stops the start-up when either is missing.

    static boolean postgresConfigured(ConfigurableEnvironment environment) {
        return environment.containsProperty("spring.r2dbc.url");
    }

    static boolean redisConfigured(ConfigurableEnvironment environment) {
        return environment.containsProperty("spring.data.redis.host")
                || environment.containsProperty("spring.data.redis.url")
                || environment.containsProperty("spring.data.redis.sentinel.master")
                || Binder.get(environment).bind("spring.data.redis.cluster.nodes", Bindable.listOf(String.class)).isBound();
    }
}
