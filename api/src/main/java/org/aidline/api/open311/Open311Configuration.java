package org.aidline.api.open311;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires Open311: deadlines are unknown until a module that counts them provides its own {@link HandlingDeadlines}. */
@Configuration(proxyBeanMethods = false)
public class Open311Configuration {

    @Bean
    @ConditionalOnMissingBean
    HandlingDeadlines handlingDeadlines() {
        return HandlingDeadlines.UNKNOWN;
    }
}
