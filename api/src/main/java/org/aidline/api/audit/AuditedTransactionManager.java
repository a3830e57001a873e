package org.aidline.api.audit;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.aidline.intake.audit.AuditContext;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The application's transaction manager (in place of Boot's plain one): right after BEGIN it tells
 * PostgreSQL who acts and in which request, from the {@link AuditContext} of the Reactor context,
 * as transaction-local settings ({@code aidline.actor}, {@code aidline.request_id}) that the audit
 * triggers record with every row the transaction changes. They end with the transaction, committed
 * or rolled back, so nothing is carried to a retry or to the next use of a pooled connection.
 * Work without an AuditContext (background work) sets nothing: the triggers record it as the system.
 */
@Component
public class AuditedTransactionManager extends R2dbcTransactionManager {

    // Cast: the statement stays valid when its values are replayed as literals (bench/run's pgbench capture).
    static final String TELL = "select set_config('aidline.actor', cast($1 as text), true), set_config('aidline.request_id', cast($2 as text), true)";

    AuditedTransactionManager(ConnectionFactory connections) {
        super(connections);
    }

    @Override
    protected Mono<Void> prepareTransactionalConnection(Connection connection, TransactionDefinition definition) {
        return super.prepareTransactionalConnection(connection, definition)
                .then(Mono.deferContextual(context -> context.<AuditContext>getOrEmpty(AuditContext.class)
                        .map(who -> tell(connection, who))
                        .orElseGet(Mono::empty)));
    }

    private static Mono<Void> tell(Connection connection, AuditContext who) {
        return Flux.from(connection.createStatement(TELL)
                        .bind(0, who.actor())
                        .bind(1, who.requestId() == null ? "" : who.requestId())
                        .execute())
                .concatMap(result -> result.map((row, metadata) -> true))
                .then();
    }
}
