package org.aidline.api.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.Delay;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Redis back after an outage is used again within about a second, not after Lettuce's backoff of up to 30 s. */
@Configuration(proxyBeanMethods = false)
public class RedisClientConfiguration {

    @Bean
    ClientResourcesBuilderCustomizer quickReconnects(RedisCircuitProperties properties) {
        return resources -> resources.reconnectDelay(Delay.constant(properties.reconnectDelay()));
    }

    /**
     * While disconnected, commands fail at once instead of queueing for the reconnect: a caller has
     * already fallen back by then, and a key claim sent late would block its own retry for a while.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer failWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }
}
