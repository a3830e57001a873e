package org.aidline.api.embedded;

import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL or Redis is neither configured nor embedded: the packaged jar (or the {@code prod}
 * profile) with nothing configured, found by {@link RequiredServices}. Says what to configure;
 * {@link MissingServicesFailureAnalyzer} shows it as Spring Boot's start-up failure report.
 */
public class MissingServicesException extends IllegalStateException {

    private final String description;
    private final String action;

    MissingServicesException(boolean postgres, boolean redis, boolean prod) {
        this(description(postgres, redis, prod), action(postgres, redis, prod));
    }

    private MissingServicesException(String description, String action) {
        super(description + " " + action);
        this.description = description;
        this.action = action;
    }

    String description() {
        return description;
    }

    String action() {
        return action;
    }

    private static String description(boolean postgres, boolean redis, boolean prod) {
        String missing = postgres && redis ? "No PostgreSQL and no Redis are configured"
                : postgres ? "No PostgreSQL is configured" : "No Redis is configured";
        if (prod) {
            return missing + ", and the prod profile starts nothing embedded.";
        }
        return missing + ", and this build has no embedded ones: they come with the development module "
                + "(aidline-dev), which is on the class path of `./mvnw -pl api -am spring-boot:run` and of the tests, "
                + "never in the packaged jar or the image.";
    }

    private static String action(boolean postgres, boolean redis, boolean prod) {
        List<String> settings = new ArrayList<>();
        if (postgres) {
            settings.add("PostgreSQL: spring.r2dbc.url (SPRING_R2DBC_URL, e.g. r2dbc:postgresql://db:5432/aidline) "
                    + "with spring.r2dbc.username and spring.r2dbc.password (Flyway follows unless spring.flyway.url is set)");
        }
        if (redis) {
            settings.add("Redis: spring.data.redis.host (SPRING_DATA_REDIS_HOST) with spring.data.redis.port and "
                    + "spring.data.redis.password, or spring.data.redis.url");
        }
        String configure = "Configure " + String.join("; ", settings) + ".";
        return prod ? configure : configure + " For development without any, run from the sources: ./mvnw -pl api -am spring-boot:run";
    }
}
