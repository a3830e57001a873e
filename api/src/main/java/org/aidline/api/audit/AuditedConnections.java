package org.aidline.api.audit;

import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.ConnectionMetadata;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.ValidationDepth;
import io.r2dbc.spi.Wrapped;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import org.aidline.intake.audit.AuditContext;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.DisposableBean;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Connections that tell PostgreSQL, before each statement that writes, who is acting and in which
 * request ({@code aidline.actor}, {@code aidline.request_id}): the audit triggers record them. A
 * write without a request (background work) is recorded as the system; values never linger from
 * one use of a pooled connection to the next, because every write sets them.
 */
public final class AuditedConnections implements ConnectionFactory, Wrapped<ConnectionFactory>, DisposableBean {

    private static final String SET = "select set_config('aidline.actor', $1, false), set_config('aidline.request_id', $2, false)";

    /**
     * What each physical connection was last told, so that a write under the same actor and
     * request (background work as the system, mostly) costs no extra round trip.
     */
    private final Map<Connection, String> told = Collections.synchronizedMap(new WeakHashMap<>());

    private final ConnectionFactory delegate;

    public AuditedConnections(ConnectionFactory delegate) {
        this.delegate = delegate;
    }

    @Override
    public Publisher<? extends Connection> create() {
        return Mono.from(delegate.create()).map(connection -> new AuditedConnection(connection, told));
    }

    @Override
    public ConnectionFactoryMetadata getMetadata() {
        return delegate.getMetadata();
    }

    @Override
    public ConnectionFactory unwrap() {
        return delegate;
    }

    /** The pool behind is closed with the context, as it would be unwrapped. */
    @Override
    public void destroy() {
        if (delegate instanceof Disposable pool) {
            pool.dispose();
        }
    }

    /** Statements that change rows, directly or through the chain's functions. */
    static boolean writes(String sql) {
        String lower = sql.toLowerCase(Locale.ROOT);
        if (lower.contains("set_config('aidline.actor'")) {
            // The statement says who acts itself (filing does, to save this round trip).
            return false;
        }
        return lower.contains("insert into") || lower.contains("update ") || lower.contains("delete from")
                || lower.contains("route_task(") || lower.contains("seal_audit_events(");
    }

    private static final class AuditedConnection implements Connection, Wrapped<Connection> {

        private final Connection delegate;
        private final Map<Connection, String> told;

        AuditedConnection(Connection delegate, Map<Connection, String> told) {
            this.delegate = delegate;
            this.told = told;
        }

        @Override
        public Statement createStatement(String sql) {
            Statement statement = delegate.createStatement(sql);
            return writes(sql) ? new AuditedStatement(delegate, physical(delegate), told, statement) : statement;
        }

        /** The driver's connection under the pool's wrapper: the one whose session keeps the settings. */
        private static Connection physical(Connection connection) {
            Connection current = connection;
            while (current instanceof Wrapped<?> wrapped && wrapped.unwrap() instanceof Connection inner) {
                current = inner;
            }
            return current;
        }

        @Override
        public Connection unwrap() {
            return delegate;
        }

        @Override
        public Publisher<Void> beginTransaction() {
            return delegate.beginTransaction();
        }

        @Override
        public Publisher<Void> beginTransaction(TransactionDefinition definition) {
            return delegate.beginTransaction(definition);
        }

        @Override
        public Publisher<Void> close() {
            return delegate.close();
        }

        @Override
        public Publisher<Void> commitTransaction() {
            return delegate.commitTransaction();
        }

        @Override
        public Batch createBatch() {
            return delegate.createBatch();
        }

        @Override
        public Publisher<Void> createSavepoint(String name) {
            return delegate.createSavepoint(name);
        }

        @Override
        public boolean isAutoCommit() {
            return delegate.isAutoCommit();
        }

        @Override
        public ConnectionMetadata getMetadata() {
            return delegate.getMetadata();
        }

        @Override
        public IsolationLevel getTransactionIsolationLevel() {
            return delegate.getTransactionIsolationLevel();
        }

        @Override
        public Publisher<Void> releaseSavepoint(String name) {
            return delegate.releaseSavepoint(name);
        }

        @Override
        public Publisher<Void> rollbackTransaction() {
            return delegate.rollbackTransaction();
        }

        @Override
        public Publisher<Void> rollbackTransactionToSavepoint(String name) {
            return delegate.rollbackTransactionToSavepoint(name);
        }

        @Override
        public Publisher<Void> setAutoCommit(boolean autoCommit) {
            return delegate.setAutoCommit(autoCommit);
        }

        @Override
        public Publisher<Void> setLockWaitTimeout(Duration timeout) {
            return delegate.setLockWaitTimeout(timeout);
        }

        @Override
        public Publisher<Void> setStatementTimeout(Duration timeout) {
            return delegate.setStatementTimeout(timeout);
        }

        @Override
        public Publisher<Void> setTransactionIsolationLevel(IsolationLevel level) {
            return delegate.setTransactionIsolationLevel(level);
        }

        @Override
        public Publisher<Boolean> validate(ValidationDepth depth) {
            return delegate.validate(depth);
        }
    }

    private static final class AuditedStatement implements Statement {

        private final Connection connection;
        private final Connection physical;
        private final Map<Connection, String> told;
        private final Statement delegate;

        AuditedStatement(Connection connection, Connection physical, Map<Connection, String> told, Statement delegate) {
            this.connection = connection;
            this.physical = physical;
            this.told = told;
            this.delegate = delegate;
        }

        @Override
        public Publisher<? extends Result> execute() {
            return Flux.<Result>deferContextual(context -> {
                AuditContext who = context.getOrDefault(AuditContext.class, AuditContext.SYSTEM);
                String requestId = who.requestId() == null ? "" : who.requestId();
                String settings = who.actor() + '\n' + requestId;
                if (settings.equals(told.get(physical))) {
                    return Flux.<Result>from(delegate.execute());
                }
                Statement set = connection.createStatement(SET).bind(0, who.actor()).bind(1, requestId);
                return Flux.from(set.execute())
                        .concatMap(result -> result.map((row, metadata) -> Boolean.TRUE))
                        .doOnComplete(() -> told.put(physical, settings))
                        .thenMany(Flux.<Result>from(delegate.execute()));
            });
        }

        @Override
        public Statement add() {
            delegate.add();
            return this;
        }

        @Override
        public Statement bind(int index, Object value) {
            delegate.bind(index, value);
            return this;
        }

        @Override
        public Statement bind(String name, Object value) {
            delegate.bind(name, value);
            return this;
        }

        @Override
        public Statement bindNull(int index, Class<?> type) {
            delegate.bindNull(index, type);
            return this;
        }

        @Override
        public Statement bindNull(String name, Class<?> type) {
            delegate.bindNull(name, type);
            return this;
        }

        @Override
        public Statement returnGeneratedValues(String... columns) {
            delegate.returnGeneratedValues(columns);
            return this;
        }

        @Override
        public Statement fetchSize(int rows) {
            delegate.fetchSize(rows);
            return this;
        }
    }
}
