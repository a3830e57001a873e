package org.aidline.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.aidline.api.support.IntegrationTest;
import org.aidline.intake.audit.AuditContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.util.context.Context;
import reactor.util.retry.Retry;

/**
 * Who acts and in which request are told to PostgreSQL once per transaction, transaction-local: a
 * write retried after a rollback, and transactions of different actors one after the other on the
 * same connection, are each recorded under their own actor and request; work without an audit
 * context is recorded as the system. Rows are unavailable staff members of a region no village
 * belongs to, so that no task is routed to them while they exist.
 */
@IntegrationTest
class AuditedTransactionsIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    ConnectionFactory connections;

    @Autowired
    ReactiveTransactionManager applicationTransactionManager;

    @Autowired
    TransactionalOperator applicationTransactions;

    @Autowired
    DatabaseClient database;

    /** One physical connection for every statement of a test: what a transaction leaves on it, the next one meets. */
    private ConnectionPool oneConnection;
    private DatabaseClient onOne;
    private TransactionalOperator transactionsOnOne;

    @BeforeEach
    void openOneConnection() {
        oneConnection = new ConnectionPool(ConnectionPoolConfiguration.builder(unpooled()).initialSize(1).maxSize(1).build());
        onOne = DatabaseClient.create(oneConnection);
        transactionsOnOne = TransactionalOperator.create(new AuditedTransactionManager(oneConnection));
    }

    /** The staff members go again (their events stay): other tests count the staff. */
    @AfterEach
    void closeOneConnectionAndRemoveTheStaffAdded() {
        oneConnection.disposeLater().block(WAIT);
        database.sql("delete from staff_member where user_id like 'audit-test-%'").fetch().rowsUpdated().block(WAIT);
    }

    @Test
    void aWriteRetriedAfterARollbackIsRecordedUnderItsOwnActorAndRequest() {
        List<Integer> backends = new CopyOnWriteArrayList<>();
        String earlier = newStaffId();
        // Another request's transaction commits first on the same connection: whatever it told the session stays there.
        StepVerifier.create(addStaff(onOne, earlier).then(backend(backends)).as(transactionsOnOne::transactional)
                        .contextWrite(as("alice", "req-alice")))
                .expectNextCount(1)
                .verifyComplete();

        String member = newStaffId();
        AtomicInteger attempts = new AtomicInteger();
        Mono<Integer> write = addStaff(onOne, member)
                .then(backend(backends))
                .then(Mono.defer(() -> attempts.incrementAndGet() == 1
                        ? Mono.<Integer>error(new IllegalStateException("the first attempt fails after its write"))
                        : Mono.just(attempts.get())))
                .as(transactionsOnOne::transactional)
                .retryWhen(Retry.max(1).filter(IllegalStateException.class::isInstance));
        StepVerifier.create(write.contextWrite(as("bob", "req-bob")))
                .expectNext(2)
                .verifyComplete();

        assertThat(backends).as("all on one connection").hasSize(3).containsOnly(backends.get(0));
        assertThat(events(member)).as("the retried insert, once, under its own actor and request")
                .containsExactly(event("INSERT", "bob", "req-bob"));
        assertThat(events(earlier)).containsExactly(event("INSERT", "alice", "req-alice"));
    }

    @Test
    void transactionsOfDifferentActorsOnOneConnectionDoNotLeakIntoEachOther() {
        String first = newStaffId();
        String background = newStaffId();
        String second = newStaffId();
        List<Integer> backends = new CopyOnWriteArrayList<>();

        StepVerifier.create(addStaff(onOne, first).then(backend(backends)).as(transactionsOnOne::transactional)
                        .contextWrite(as("alice", "req-alice")))
                .expectNextCount(1)
                .verifyComplete();
        // Outside any transaction the session knows nobody: nothing was set for longer than the transaction.
        StepVerifier.create(onOne.sql("select coalesce(current_setting('aidline.actor', true), '') as actor, "
                                + "coalesce(current_setting('aidline.request_id', true), '') as request, pg_backend_pid() as backend")
                        .fetch().one())
                .assertNext(row -> {
                    assertThat(row).containsEntry("actor", "").containsEntry("request", "");
                    backends.add((Integer) row.get("backend"));
                })
                .verifyComplete();
        // Background work: no audit context, so nothing is told and the trigger records the system.
        StepVerifier.create(addStaff(onOne, background).then(backend(backends)).as(transactionsOnOne::transactional))
                .expectNextCount(1)
                .verifyComplete();
        // A request without an id of its own does not inherit the previous one's.
        StepVerifier.create(addStaff(onOne, second).then(backend(backends)).as(transactionsOnOne::transactional)
                        .contextWrite(Context.of(AuditContext.class, new AuditContext("bob", null))))
                .expectNextCount(1)
                .verifyComplete();

        assertThat(backends).as("all on one connection").hasSize(4).containsOnly(backends.get(0));
        assertThat(events(first)).containsExactly(event("INSERT", "alice", "req-alice"));
        assertThat(events(background)).containsExactly(event("INSERT", "system", null));
        assertThat(events(second)).containsExactly(event("INSERT", "bob", null));
    }

    @Test
    void theApplicationsTransactionsTellWhoActsAndWorkWithoutAnAuditContextIsTheSystems() {
        assertThat(applicationTransactionManager).isInstanceOf(AuditedTransactionManager.class);
        String requested = newStaffId();
        String background = newStaffId();

        StepVerifier.create(addStaff(database, requested).as(applicationTransactions::transactional)
                        .contextWrite(as("carol", "req-carol")))
                .expectNext(1L)
                .verifyComplete();
        StepVerifier.create(addStaff(database, background).as(applicationTransactions::transactional))
                .expectNext(1L)
                .verifyComplete();
        // A statement outside a transaction is told nothing either, whatever its context.
        String outside = newStaffId();
        StepVerifier.create(addStaff(database, outside).contextWrite(as("carol", "req-carol")))
                .expectNext(1L)
                .verifyComplete();

        assertThat(events(requested)).containsExactly(event("INSERT", "carol", "req-carol"));
        assertThat(events(background)).containsExactly(event("INSERT", "system", null));
        assertThat(events(outside)).containsExactly(event("INSERT", "system", null));
    }

    private static Context as(String actor, String requestId) {
        return Context.of(AuditContext.class, new AuditContext(actor, requestId));
    }

    private static String newStaffId() {
        return "audit-test-" + UUID.randomUUID();
    }

    /** An unavailable coordinator of a region that is no village's: audited, and never assigned anything. */
    private static Mono<Long> addStaff(DatabaseClient client, String userId) {
        return client.sql("insert into staff_member (user_id, role, region_code) values (:user, 'COORDINATOR', '999999000000')")
                .bind("user", userId)
                .fetch().rowsUpdated();
    }

    private Mono<Integer> backend(List<Integer> backends) {
        return onOne.sql("select pg_backend_pid() as backend").map(row -> row.get("backend", Integer.class)).one()
                .doOnNext(backends::add);
    }

    private List<Map<String, Object>> events(String userId) {
        return database.sql("select action, actor, request_id from audit_event where entity_type = 'staff_member' and entity_id = :id order by id")
                .bind("id", userId)
                .fetch().all()
                .map(row -> event((String) row.get("action"), (String) row.get("actor"), (String) row.get("request_id")))
                .collectList()
                .block(WAIT);
    }

    private static Map<String, Object> event(String action, String actor, String requestId) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("action", action);
        event.put("actor", actor);
        event.put("request_id", requestId);
        return event;
    }

    private ConnectionFactory unpooled() {
        ConnectionFactory factory = connections;
        while (factory instanceof Wrapped<?> wrapped && wrapped.unwrap() instanceof ConnectionFactory inner) {
            factory = inner;
        }
        return factory;
    }
}
