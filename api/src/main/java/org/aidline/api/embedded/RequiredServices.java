package org.aidline.api.embedded;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * PostgreSQL and Redis, configured or embedded, before any bean is made; otherwise the start-up
 * stops with what to configure ({@link MissingServicesException}), not with a connection refused
 * to localhost or a missing class. Embedded ones come only with the development module
 * ({@code org.aidline.dev.EmbeddedServers}), so the packaged jar with nothing configured stops here.
 *
 * <p>Checked when the context refreshes rather than with the environment, so that settings added
 * to it later (a test's {@code @DynamicPropertySource}) count.
 */
public class RequiredServices implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.addBeanFactoryPostProcessor(new BeanDefinitionRegistryPostProcessor() {
            @Override
            public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
                check(context.getEnvironment());
            }

            @Override
            public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            }
        });
    }

    static void check(ConfigurableEnvironment environment) {
        boolean postgres = environment.containsProperty("spring.r2dbc.url");
        boolean redis = redisConfigured(environment);
        if (!postgres || !redis) {
            throw new MissingServicesException(!postgres, !redis, environment.matchesProfiles("prod"));
        }
    }

    // The same tests as the development module's EmbeddedServers, which starts what is missing.
    static boolean redisConfigured(ConfigurableEnvironment environment) {
        return environment.containsProperty("spring.data.redis.host")
                || environment.containsProperty("spring.data.redis.url")
                || environment.containsProperty("spring.data.redis.sentinel.master")
                || Binder.get(environment).bind("spring.data.redis.cluster.nodes", Bindable.listOf(String.class)).isBound();
    }
}
