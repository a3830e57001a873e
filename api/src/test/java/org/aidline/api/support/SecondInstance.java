package org.aidline.api.support;

import org.aidline.api.AidlineApplication;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.client.ReactorResourceFactory;

/** Another instance of the service on the same PostgreSQL and Redis, as behind a load balancer. */
public final class SecondInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static SecondInstance sharing(Environment first) {
        return sharing(first, new String[0]);
    }

    /** Another instance with some settings of its own, e.g. where its payment gateway is. */
    public static SecondInstance sharing(Environment first, String... properties) {
        String[] shared = {
                "server.port=0",
                "spring.r2dbc.url=" + first.getProperty("spring.r2dbc.url"),
                "spring.r2dbc.username=" + first.getProperty("spring.r2dbc.username"),
                "spring.flyway.url=" + first.getProperty("spring.flyway.url"),
                "spring.flyway.user=" + first.getProperty("spring.flyway.user"),
                "spring.data.redis.host=" + first.getProperty("spring.data.redis.host"),
                "spring.data.redis.port=" + first.getProperty("spring.data.redis.port")};
        // As command-line arguments: they win over application.yml (server.port: 8080) and the test profile.
        // A setting of its own replaces the shared one of the same name (e.g. a Redis port that answers nothing).
        java.util.Set<String> own = java.util.Arrays.stream(properties).map(property -> property.substring(0, property.indexOf('=')))
                .collect(java.util.stream.Collectors.toSet());
        String[] arguments = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(shared).filter(property -> !own.contains(property.substring(0, property.indexOf('=')))),
                        java.util.Arrays.stream(properties))
                .map(property -> "--" + property)
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(AidlineApplication.class)
                .profiles("test")
                // As Spring Boot does for test contexts: event loops and a connection pool of its own. On reactor-netty's
                // global resources, closing this instance would dispose the event loops and pool that every WebTestClient,
                // WebClient.create() and HttpClient.create() of the JVM uses, under the feet of the other contexts'
                // requests in flight (seen: a payment to the fake bank closed "prematurely BEFORE response").
                .initializers(instance -> instance.getBeanFactory().addBeanPostProcessor(new OwnReactorResources()))
                .run(arguments);
        return new SecondInstance(context);
    }

    private static final class OwnReactorResources implements BeanPostProcessor {

        @Override
        public Object postProcessBeforeInitialization(Object bean, String beanName) {
            if (bean instanceof ReactorResourceFactory factory) {
                factory.setUseGlobalResources(false);
            }
            return bean;
        }
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    /** Turns this instance's readiness as Spring does when it starts to close (and back). */
    public void readiness(org.springframework.boot.availability.ReadinessState state) {
        org.springframework.boot.availability.AvailabilityChangeEvent.publish(context, state);
    }

    @Override
    public void close() {
        context.close();
    }
}
