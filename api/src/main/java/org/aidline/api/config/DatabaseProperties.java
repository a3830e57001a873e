package org.aidline.api.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits PostgreSQL enforces on every connection of the service ({@code aidline.database.*}): no
 * statement waits longer than {@code lockTimeout} for a lock, and no transaction stays open and
 * idle longer than {@code idleInTransactionTimeout}. A stuck writer elsewhere then costs a clear
 * error, never a request that hangs with its pooled connection.
 */
@ConfigurationProperties("aidline.database")
public record DatabaseProperties(@DefaultValue("5s") Duration lockTimeout, @DefaultValue("60s") Duration idleInTransactionTimeout) {
}
