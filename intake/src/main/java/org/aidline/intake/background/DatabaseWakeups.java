package org.aidline.intake.background;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Wakes this instance's loop whenever any instance commits work for it on a channel: PostgreSQL
 * LISTEN on a connection of its own (outside the pool, which it would otherwise hold forever).
 * If the connection drops it listens again; meanwhile the poll is the safety net.
 */
public class DatabaseWakeups {

    private static final Logger log = LoggerFactory.getLogger(DatabaseWakeups.class);

    private final ConnectionFactory connections;
    private final String channel;

    public DatabaseWakeups(ConnectionFactory connections, String channel) {
        this.connections = unpooled(connections);
        this.channel = channel;
    }

    /** One element per notification on the channel from any instance; never completes while subscribed. */
    public Flux<Boolean> signals() {
        return Flux.usingWhen(Mono.from(connections.create()), this::listen, Connection::close)
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(500)).maxBackoff(Duration.ofSeconds(10))
                        .doBeforeRetry(signal -> log.warn("Listening on {} failed; listening again", channel, signal.failure())));
    }

    private Flux<Boolean> listen(Connection connection) {
        if (!(connection instanceof PostgresqlConnection postgres)) {
            return Flux.error(new IllegalStateException("LISTEN needs a PostgreSQL connection, not " + connection.getClass()));
        }
        return postgres.createStatement("LISTEN " + channel).execute()
                .flatMap(result -> result.getRowsUpdated())
                .thenMany(postgres.getNotifications())
                .map(notification -> Boolean.TRUE)
                // The notifications end only when the connection does: listen again on a new one.
                .concatWith(Flux.error(() -> new IllegalStateException("The LISTEN connection closed")));
    }

    private static ConnectionFactory unpooled(ConnectionFactory factory) {
        ConnectionFactory current = factory;
        while (current instanceof Wrapped<?> wrapped && wrapped.unwrap() instanceof ConnectionFactory inner) {
            current = inner;
        }
        return current;
    }
}
