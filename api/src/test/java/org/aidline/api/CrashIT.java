package org.aidline.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.aidline.api.payouts.BulkBank;
import org.aidline.api.support.SampleReports;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the service under load loses and doubles nothing: the production jar files reports
 * with unique Idempotency-Keys from 16 clients at once, is killed mid-load, started again, and
 * every request that got no answer is sent again, same key, same body. Then every request has
 * exactly one report, no grant has two payments in the ledger and no report two coordinator
 * tasks. Real PostgreSQL and Redis: the development module's embedded ones, started for this
 * JVM (the jar itself carries neither).
 */
class CrashIT {

    private static final int REQUESTS = 300;
    private static final int KILL_AFTER = 100;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void killedMidLoadItLosesAndDoublesNothing() throws Exception {
        String database = newDatabase();
        int port = freePort();
        Map<String, String> environment = environment(database, port);
        Process service = start(environment, port, "first");
        List<Filing> filings = new ArrayList<>();
        Map<Filing, String> answered = new ConcurrentHashMap<>();
        try {
            for (int n = 0; n < REQUESTS; n++) {
                filings.add(new Filing(token(port, "citizen-crash-" + (n % 20)), UUID.randomUUID().toString(), body(n)));
            }
            AtomicInteger done = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(16);
            for (Filing filing : filings) {
                clients.submit(() -> {
                    String id = file(port, filing);
                    if (id != null) {
                        answered.put(filing, id);
                    }
                    if (done.incrementAndGet() == KILL_AFTER) {
                        service.destroyForcibly();
                    }
                });
            }
            clients.shutdown();
            assertThat(clients.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
            assertThat(service.waitFor(30, TimeUnit.SECONDS)).isTrue();
            System.out.printf("Crash: %d of %d filings answered before kill -9%n", answered.size(), REQUESTS);
            assertThat(answered.size()).as("killed mid-load, not before or after it").isBetween(KILL_AFTER / 2, REQUESTS - 16);

            Process restarted = start(environment, port, "restarted");
            try {
                int resent = 0;
                for (Filing filing : filings) {
                    if (!answered.containsKey(filing)) {
                        String id = fileUntilAnswered(port, filing);
                        assertThat(id).as("a resent filing is answered").isNotNull();
                        answered.put(filing, id);
                        resent++;
                    }
                }
                System.out.printf("Crash: %d filings resent after the restart%n", resent);
                // What was answered before the kill is answered the same now: the same report, not a second one.
                for (Filing filing : filings.subList(0, 20)) {
                    assertThat(file(port, filing)).isEqualTo(answered.get(filing));
                }
            } finally {
                restarted.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } finally {
            service.destroyForcibly();
        }

        try (Connection db = connect(database)) {
            assertThat(count(db, "select count(*) from intake.report where filed_by like 'citizen-crash-%'")).as("lost or doubled")
                    .isEqualTo(REQUESTS);
            assertThat(answered.values()).doesNotHaveDuplicates().hasSize(REQUESTS);
            assertNothingDoubled(db);
        }
    }

    /**
     * Two instances on one database and Redis, both dispatching payments and notifications; one is killed mid-load and
     * its filings go to the other. Every payment is made and every notification sent, each once: the survivor takes
     * over what the dead one had claimed when its lease runs out.
     */
    @Test
    void twoInstancesOneKilledDispatchEverythingOnce() throws Exception {
        String database = newDatabase();
        int first = freePort();
        int second = freePort();
        Process killed = start(environment(database, first), first, "killed");
        Process survivor = start(environment(database, second), second, "survivor");
        try {
            List<Filing> filings = new ArrayList<>();
            for (int n = 0; n < 200; n++) {
                filings.add(new Filing(token(n % 2 == 0 ? first : second, "citizen-crash-" + (n % 20)), UUID.randomUUID().toString(), body(n)));
            }
            Map<Filing, String> answered = new ConcurrentHashMap<>();
            AtomicInteger done = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(16);
            for (int n = 0; n < filings.size(); n++) {
                Filing filing = filings.get(n);
                int port = n % 2 == 0 ? first : second;
                clients.submit(() -> {
                    String id = file(port, filing);
                    if (id != null) {
                        answered.put(filing, id);
                    }
                    if (done.incrementAndGet() == 60) {
                        killed.destroyForcibly();
                    }
                });
            }
            clients.shutdown();
            assertThat(clients.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
            for (Filing filing : filings) {
                if (!answered.containsKey(filing)) {
                    String id = fileUntilAnswered(second, filing);
                    assertThat(id).as("a filing sent again to the survivor is answered").isNotNull();
                    answered.put(filing, id);
                }
            }
            try (Connection db = connect(database)) {
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while (count(db, "select count(*) from intake.payment_instruction where status <> 'PAID'") > 0
                        || count(db, "select count(*) from notification.notification where status in ('QUEUED', 'SENDING', 'ERRORED')") > 0) {
                    assertThat(System.nanoTime()).as("everything dispatched within 90 s").isLessThan(deadline);
                    Thread.sleep(500);
                }
                System.out.printf("Two instances, one killed: %d reports, %d payments made, %d notifications sent%n",
                        count(db, "select count(*) from intake.report"), count(db, "select count(*) from intake.payment_instruction"),
                        count(db, "select count(*) from notification.notification where status not in ('QUEUED', 'SENDING', 'ERRORED')"));
                assertThat(count(db, "select count(*) from intake.report where filed_by like 'citizen-crash-%'")).isEqualTo(filings.size());
                assertNothingDoubled(db);
            }
        } finally {
            killed.destroyForcibly();
            survivor.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * A one-off campaign over 1,200 people, its bank slow (300 ms a bulk message of 50): the service is killed with
     * kill -9 once the bank has taken a few messages, started again, and the campaign run again. Every person is
     * paid exactly once (at the bank, which refuses a reference it has as a duplicate; and in the database), nobody
     * is missed, and the ledger holds exactly persons x amount for it.
     */
    @Test
    void aCampaignKilledMidRunPaysEveryoneOnceWhenRunAgain() throws Exception {
        BulkBank bank = new BulkBank();
        WireMockServer gateway = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort().extensions(bank));
        gateway.start();
        gateway.stubFor(WireMock.post(WireMock.urlEqualTo("/disburse/sync/disburse"))
                .willReturn(WireMock.aResponse().withFixedDelay(300).withTransformers(BulkBank.NAME)));
        gateway.stubFor(WireMock.post(WireMock.urlEqualTo("/disburse/sync/txn/status"))
                .willReturn(WireMock.aResponse().withTransformers(BulkBank.NAME)));
        String database = newDatabase();
        int port = freePort();
        Map<String, String> environment = new java.util.HashMap<>(environment(database, port));
        environment.putAll(Map.of(
                "AIDLINE_PAYMENTS_GATEWAY_BASE_URL", gateway.baseUrl(),
                "AIDLINE_REGISTRY_PAYOUTS_BATCH_SIZE", "50",
                "AIDLINE_REGISTRY_PAYOUTS_CONCURRENCY", "2",
                "AIDLINE_REGISTRY_PAYOUTS_POLL_INTERVAL", "200ms",
                "AIDLINE_REGISTRY_PAYOUTS_LEASE", "5s",
                "AIDLINE_REGISTRY_PAYOUTS_RETRY_BASE", "100ms",
                "AIDLINE_REGISTRY_PAYOUTS_RETRY_MAX", "1s"));
        int persons = 1200;
        Process service = start(environment, port, "campaign");
        try {
            try (Connection db = connect(database)) {
                // As the service's connections: the audit trigger finds its table on the modules' search path.
                db.createStatement().execute("set search_path to intake, notification, registry, api, public");
                db.createStatement().execute(registryPeople("640106", persons));
            }
            String supervisor = token(port, "sup-640106", "SUPERVISOR", "640106");
            String campaign = send(port, "POST", "/api/v1/campaigns", supervisor, """
                    {"name":"Crash campaign","amountPerPerson":600,"programmes":["MINIMUM_LIVING"],"asOf":"2026-12-01"}""", 201)
                    .replaceAll("(?s)^.*?\"id\":\"([0-9a-f-]{36})\".*", "$1");
            send(port, "POST", "/api/v1/campaigns/" + campaign + "/run", supervisor, null, 202);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (bank.messages() < 3) {
                assertThat(System.nanoTime()).as("the bank takes the campaign's first messages").isLessThan(deadline);
                Thread.sleep(20);
            }
            service.destroyForcibly();
            assertThat(service.waitFor(30, TimeUnit.SECONDS)).isTrue();
            System.out.printf("Crash: campaign killed after %d bank messages, %d people paid%n", bank.messages(), bank.paidCount());
            assertThat(bank.paidCount()).as("killed mid-run").isLessThan(persons);

            Process restarted = start(environment, port, "campaign-restarted");
            try {
                send(port, "POST", "/api/v1/campaigns/" + campaign + "/run", supervisor, null, 202);
                long done = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (!send(port, "GET", "/api/v1/campaigns/" + campaign, supervisor, null, 200).contains("\"status\":\"COMPLETED\"")) {
                    assertThat(System.nanoTime()).as("the campaign completes after the restart").isLessThan(done);
                    Thread.sleep(200);
                }
            } finally {
                restarted.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            assertThat(bank.paidTwice()).as("references paid twice").isEmpty();
            assertThat(bank.paidCount()).as("people paid at the bank").isEqualTo(persons);
            assertThat(bank.paidFen()).isEqualTo(persons * 60000L);
            try (Connection db = connect(database)) {
                assertThat(count(db, "select count(*) from registry.payout where run_id = '" + campaign + "'")).isEqualTo(persons);
                assertThat(count(db, "select count(distinct member_id) from registry.payout where run_id = '" + campaign
                        + "' and status = 'PAID'")).as("each person paid once, none missed").isEqualTo(persons);
                assertThat(count(db, "select coalesce(sum(amount_fen), 0) from intake.ledger_entry where reference = 'campaign:"
                        + campaign + "'")).as("the ledger equals the grants").isEqualTo(persons * 60000L);
            }
        } finally {
            service.destroyForcibly();
            gateway.stop();
        }
    }

    /** {@code persons} people of the county's first village in the minimum-living allowance, made with SQL (as the payout tests'). */
    private static String registryPeople(String county, int persons) {
        return """
                with people as (
                    select n, md5('crash:' || n)::uuid as member_id, md5('crash:h:' || n)::uuid as household_id
                    from generate_series(1, %2$d) as n),
                households as (
                    insert into registry.household (id, county_code, village_code, created_at, updated_at)
                    select household_id, '%1$s', '%1$s010010', now(), now() from people),
                members as (
                    insert into registry.member (id, household_id, county_code, village_code, name_cipher, name_masked, id_number_cipher,
                                                 id_number_hash, id_number_masked, created_at, updated_at)
                    select member_id, household_id, '%1$s', '%1$s010010', '\\x00'::bytea, '张*', '\\x00'::bytea,
                           decode(md5('crash:id:' || n) || md5('crash:id2:' || n), 'hex'), '6401**********001X', now(), now()
                    from people)
                insert into registry.enrolment (id, member_id, programme, county_code, village_code, monthly_amount_fen, starts_on, status,
                                                created_at, updated_at)
                select md5('crash:e:' || n)::uuid, member_id, 'MINIMUM_LIVING', '%1$s', '%1$s010010', 70000, date '2026-01-01', 'ACTIVE',
                       now(), now() from people
                """.formatted(county, persons);
    }

    /** The answer's body, which must come with {@code status}. */
    private static String send(int port, String method, String path, String token, String body, int status) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isEqualTo(status);
        return answer.body();
    }

    private static void assertNothingDoubled(Connection db) throws Exception {
        assertThat(count(db, "select count(*) from (select grant_id from intake.ledger_entry where kind = 'PAYMENT' "
                + "group by grant_id having count(*) > 1) doubled")).as("grants paid twice").isZero();
        assertThat(count(db, "select count(*) from (select grant_id from intake.payment_instruction where kind = 'PAYMENT' "
                + "group by grant_id having count(*) > 1) doubled")).as("grants with two payment instructions").isZero();
        assertThat(count(db, "select count(*) from (select report_id from notification.coordinator_task group by report_id "
                + "having count(*) > 1) doubled")).as("reports with two tasks").isZero();
        assertThat(count(db, "select count(*) from (select notification_id from notification.notification_attempt where outcome = 'SENT' "
                + "group by notification_id having count(*) > 1) doubled")).as("notifications sent twice").isZero();
    }

    static String newDatabase() throws Exception {
        String database = "crash_" + Long.toHexString(System.nanoTime());
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://localhost:" + embedded("postgresPort") + "/postgres",
                "postgres", "")) {
            admin.createStatement().execute("create database " + database);
        }
        return database;
    }

    private static Connection connect(String database) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + embedded("postgresPort") + "/" + database, "postgres", "");
    }

    /** The jar on the embedded PostgreSQL (a database of the test's own) and Redis, leases short so that a dead instance's claims pass quickly. */
    static Map<String, String> environment(String database, int port) throws Exception {
        int postgres = embedded("postgresPort");
        return Map.ofEntries(
                Map.entry("SPRING_R2DBC_URL", "r2dbc:postgresql://localhost:" + postgres + "/" + database),
                Map.entry("SPRING_R2DBC_USERNAME", "postgres"),
                Map.entry("SPRING_FLYWAY_URL", "jdbc:postgresql://localhost:" + postgres + "/" + database),
                Map.entry("SPRING_FLYWAY_USER", "postgres"),
                Map.entry("SPRING_DATA_REDIS_HOST", "127.0.0.1"),
                Map.entry("SPRING_DATA_REDIS_PORT", Integer.toString(embedded("redisPort"))),
                Map.entry("SERVER_PORT", Integer.toString(port)),
                Map.entry("AIDLINE_RATE_LIMIT_PER_ADDRESS", "1000000"),
                Map.entry("AIDLINE_RATE_LIMIT_PER_SUBJECT", "1000000"),
                Map.entry("AIDLINE_PAYMENTS_LEASE", "15s"),
                Map.entry("AIDLINE_NOTIFICATIONS_LEASE", "11s"));
    }

    private record Filing(String token, String key, String body) {
    }

    /**
     * As a client does after a crash: a 409 (the key still marked in flight by the killed instance, for at most the
     * filing's budget) or a 503 is tried again a little later.
     */
    private static String fileUntilAnswered(int port, Filing filing) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            String id = file(port, filing);
            if (id != null) {
                return id;
            }
            Thread.sleep(250);
        }
        return null;
    }

    /** The report's id, or null when no answer came (the service was killed under it) or it was not 201. */
    private static String file(int port, Filing filing) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/reports"))
                    .timeout(Duration.ofSeconds(15))
                    .header("Authorization", "Bearer " + filing.token())
                    .header("Idempotency-Key", filing.key())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(filing.body())).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 201) {
                if (answer.statusCode() != 409 && answer.statusCode() != 503) {
                    System.out.printf("Crash: filing answered %d %s%n", answer.statusCode(), answer.body());
                }
                return null;
            }
            return answer.body().replaceAll("(?s)^\\{\"id\":\"([0-9a-f-]{36})\".*", "$1");
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String body(int n) {
        return """
                {"category":"MEDICAL_EMERGENCY","description":"Crash test %d: sudden illness, cannot pay the hospital",
                 "villageCode":"640104001001","urgent":true,
                 "subject":{"name":"测试%d","idNumber":"%s","householdSize":3}}
                """.formatted(n, n, SampleReports.newIdNumber());
    }

    private static String token(int port, String subject, String role, String region) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/dev/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sub\":\"" + subject + "\",\"roles\":[\"" + role + "\"],\"region\":\""
                        + region + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer.body().replaceAll("(?s).*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private static String token(int port, String subject) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/dev/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sub\":\"" + subject + "\",\"roles\":[\"CITIZEN\"]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer.body().replaceAll("(?s).*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    static Process start(Map<String, String> environment, int port, String name) throws Exception {
        return start(environment, port, name, Duration.ofSeconds(120));
    }

    /** {@code readiness}: how long the jar may take to answer ready (longer where it starts beside another server). */
    static Process start(Map<String, String> environment, int port, String name, Duration readiness) throws Exception {
        Path log = Files.createTempFile("aidline-crash-" + name, ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", ProductionJarIT.JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(variable -> variable.startsWith("SPRING_") || variable.startsWith("AIDLINE_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        long deadline = System.nanoTime() + readiness.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the jar runs; its log: %s", log).isTrue();
            try {
                HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // Still starting.
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new AssertionError("The jar was not ready within " + readiness.toSeconds() + " s; its log: " + log);
    }

    private static long count(Connection db, String sql) throws Exception {
        try (ResultSet rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static int embedded(String port) throws Exception {
        return (int) Class.forName("org.aidline.dev.EmbeddedServices").getMethod(port).invoke(null);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
