package org.aidline.api.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Spring Security records no observations: it would otherwise wrap every filter of its chain, and
 * the authentication and authorization managers, in a Micrometer observation, which a profile of
 * intake under load put at about 7 % of the service's CPU for timers nobody reads. The request
 * as a whole is still timed ({@code http.server.requests}), and refusals still show there by status.
 */
@Configuration(proxyBeanMethods = false)
class SecurityObservationConfiguration {

    /** Read by Spring Security's own configuration: with it, the observing decorators are not even installed. */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
