package org.aidline.api.problem;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Failures that mean "not now" rather than "not like this": the database (or the pool in front of
 * it) unreachable or full, a lock or a statement that timed out, a server shutting down. A client
 * gets 503 with Retry-After for them, never 500.
 */
public final class Outages {

    // 08 connection exception, 53 insufficient resources, 57 operator intervention (query canceled, admin shutdown,
    // cannot connect now); lock not available, serialization failure and deadlock succeed when tried again.
    private static final Set<String> SQL_STATE_CLASSES = Set.of("08", "53", "57");
    private static final Set<String> SQL_STATES = Set.of("55P03", "40001", "40P01");

    private Outages() {
    }

    public static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException || cause instanceof R2dbcTransientException
                    || cause instanceof R2dbcNonTransientResourceException || cause instanceof TimeoutException
                    || cause instanceof ConnectException || cause instanceof ClosedChannelException) {
                return true;
            }
            if (cause instanceof R2dbcException database && database.getSqlState() != null && database.getSqlState().length() == 5
                    && (SQL_STATES.contains(database.getSqlState()) || SQL_STATE_CLASSES.contains(database.getSqlState().substring(0, 2)))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
