package org.aidline.api.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.aidline.api.support.Filings;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.SampleReports;
import org.aidline.api.support.SecondInstance;
import org.aidline.api.support.Tokens;
import org.aidline.intake.background.Backoff;
import org.aidline.notification.NotificationConfiguration;
import org.aidline.notification.NotificationProperties;
import org.aidline.notification.delivery.DeliverySettings;
import org.aidline.notification.delivery.NotificationDispatcher;
import org.aidline.notification.delivery.Notifications;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivery against FCM, JPush, Google's token endpoint and an SMS gateway played by WireMock: the
 * only test context that dispatches notifications, closed afterwards so its dispatcher does not
 * outlive the providers.
 */
@IntegrationTest
@Import(Coordination.class)
@DirtiesContext
class NotificationDeliveryIntegrationTests {

    static final FakeProviders providers = new FakeProviders();

    @RegisterExtension
    static WireMockExtension wiremock = WireMockExtension.newInstance()
            .options(WireMockConfiguration.wireMockConfig().dynamicPort().extensions(providers))
            .build();

    @DynamicPropertySource
    static void providersOnWireMock(DynamicPropertyRegistry registry) {
        providerSettings().forEach((name, value) -> registry.add(name, () -> value));
    }

    static Map<String, String> providerSettings() {
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        settings.put("aidline.notifications.enabled", "true");
        settings.put("aidline.notifications.push.mode", "live");
        settings.put("aidline.notifications.fcm.base-url", wiremock.baseUrl());
        settings.put("aidline.notifications.fcm.project-id", "aidline-test");
        settings.put("aidline.notifications.fcm.client-email", "aidline@aidline-test.iam.gserviceaccount.com");
        settings.put("aidline.notifications.fcm.private-key", PRIVATE_KEY);
        settings.put("aidline.notifications.fcm.token-uri", wiremock.baseUrl() + "/token");
        settings.put("aidline.notifications.fcm.timeout", "2s");
        settings.put("aidline.notifications.jpush.base-url", wiremock.baseUrl());
        settings.put("aidline.notifications.jpush.app-key", "test-app-key");
        settings.put("aidline.notifications.jpush.master-secret", "test-master-secret");
        settings.put("aidline.notifications.jpush.timeout", "2s");
        settings.put("aidline.notifications.sms.base-url", wiremock.baseUrl());
        settings.put("aidline.notifications.sms.api-key", "test-sms-key");
        settings.put("aidline.notifications.sms.timeout", "2s");
        settings.put("aidline.notifications.lease", "5s");
        settings.put("aidline.notifications.retry.base", "100ms");
        settings.put("aidline.notifications.retry.max", "1s");
        settings.put("aidline.notifications.poll-interval", "1s");
        // Sweeps only when a test says so: the clock is the test's.
        settings.put("aidline.notifications.sweep.enabled", "false");
        // The outbox gauges read often enough for a test to see them move.
        settings.put("aidline.metrics.poll-interval", "300ms");
        return settings;
    }

    static final String PRIVATE_KEY = newPrivateKey();

    @Autowired
    Coordination coordination;

    @Autowired
    WebTestClient web;

    @Autowired
    Tokens tokens;

    @Autowired
    DatabaseClient database;

    @Autowired
    JsonMapper json;

    @Autowired
    Environment environment;

    @Autowired
    Notifications notifications;

    @Autowired
    NotificationProperties properties;

    @Autowired
    @Qualifier("notificationDispatching")
    SmartLifecycle dispatching;

    @LocalServerPort
    int port;

    @BeforeEach
    void providersAnswer() {
        wiremock.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(FakeProviders.NAME)));
        providers.failHalf(false);
        // What earlier test classes queued (their contexts do not dispatch) goes out first, and is not timed here.
        await().atMost(Duration.ofSeconds(60)).until(() -> coordination.due() == 0);
    }

    @Test
    void fromReportToPushUnderASecondAtP99Over200Reports() {
        String village = Coordination.village(21);
        coordination.registerDevice(coordination.coordinatorOf(village), "FCM", "fcm-" + UUID.randomUUID());
        WebClient client = WebClient.builder().baseUrl("http://127.0.0.1:" + port).build();
        List<String> citizens = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            citizens.add(tokens.newCitizen().bearer());
        }
        Map<String, Long> answeredAt = new java.util.concurrent.ConcurrentHashMap<>();

        Flux.range(0, 200)
                .flatMap(i -> {
                    Map<String, Object> body = SampleReports.selfReport();
                    body.put("villageCode", village);
                    return Filings.over(client, Filings.REPORTS, citizens.get(i % citizens.size()), Filings.newKey(), body)
                            .retrieve()
                            .bodyToMono(String.class)
                            .doOnNext(answer -> answeredAt.put(json.readTree(answer).get("id").asString(), System.currentTimeMillis()));
                }, 4)
                .blockLast(Duration.ofSeconds(120));
        assertThat(answeredAt).hasSize(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> answeredAt.keySet().stream().allMatch(id -> providers.firstFor(id) != null));
        List<Long> latencies = new ArrayList<>();
        answeredAt.forEach((report, answered) -> latencies.add(Math.max(0, providers.firstFor(report) - answered)));
        Collections.sort(latencies);
        long p50 = latencies.get(99);
        long p99 = latencies.get(197);
        System.out.printf("report 201 -> push at FCM over 200 reports: p50 %d ms, p99 %d ms, max %d ms%n", p50, p99, latencies.get(199));
        assertThat(p99).isLessThan(1_000);
        // One OAuth2 access token serves every push: it is cached until it nears its end.
        assertThat(providers.accessTokensIssued()).isEqualTo(1);
    }

    @Test
    void aBacklogIsDispatchedOnceEachAndItsRateIsPrinted() {
        String village = Coordination.village(30);
        coordination.registerDevice(coordination.coordinatorOf(village), "JPUSH", "jpush-" + UUID.randomUUID());
        List<String> tasks = new ArrayList<>();
        dispatching.stop();
        try {
            WebClient client = WebClient.builder().baseUrl("http://127.0.0.1:" + port).build();
            String citizen = tokens.newCitizen().bearer();
            Flux.range(0, 400)
                    .flatMap(i -> {
                        Map<String, Object> body = SampleReports.selfReport();
                        body.put("villageCode", village);
                        body.put("urgent", false);
                        body.put("category", "LOSS_OF_INCOME");
                        return Filings.over(client, Filings.REPORTS, citizen, Filings.newKey(), body)
                                .retrieve().bodyToMono(String.class)
                                .map(answer -> json.readTree(answer).get("id").asString());
                    }, 4)
                    .collectList()
                    .block(Duration.ofSeconds(180))
                    .forEach(report -> tasks.add(coordination.taskOf(report)));
        } finally {
            long started = System.nanoTime();
            dispatching.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> sent(tasks) == tasks.size());
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("dispatched a backlog of %d pushes in %.2f s: %.0f notifications/s on one instance%n",
                    tasks.size(), seconds, tasks.size() / seconds);
        }
        List<String> ids = pushIds(tasks);
        assertThat(ids).hasSize(400).allSatisfy(id -> assertThat(providers.accepted(id)).isEqualTo(1));
    }

    @Test
    void aDeadDeviceTokenIsRetiredAndTheTaskGoesOutBySmsInstead() {
        String village = Coordination.village(22);
        String coordinator = coordination.coordinatorOf(village);
        coordination.registerDevice(coordinator, "FCM", "dead-" + UUID.randomUUID());
        String taskId = coordination.taskOf(coordination.file(village).get("id").asString());

        await().atMost(Duration.ofSeconds(10)).until(() -> coordination.notifications(taskId).contains("SMS:SENT:coord-" + village));
        assertThat(coordination.notifications(taskId)).containsExactly("PUSH:FAILED:coord-" + village, "SMS:SENT:coord-" + village);
        web.get().uri("/api/v1/devices").header("Authorization", "Bearer " + coordinator).exchange()
                .expectStatus().isOk().expectBody().json("[]");
        JsonNode detail = coordination.task(coordinator, taskId);
        JsonNode push = detail.at("/notifications/0");
        assertThat(push.get("lastResponse").asString()).contains("UNREGISTERED");
        assertThat(push.at("/history/0/outcome").asString()).isEqualTo("RETIRE_DEVICE");
        assertThat(detail.at("/notifications/1/provider").asString()).isEqualTo("SMS");
        assertThat(detail.at("/notifications/1/sentAt").isNull()).isFalse();
    }

    @Test
    void aMessageTheProviderRefusesIsDeadLetteredAndASupervisorSendsItAgain() {
        String village = Coordination.village(23);
        coordination.registerDevice(coordination.coordinatorOf(village), "FCM", "invalid-" + UUID.randomUUID());
        String taskId = coordination.taskOf(coordination.file(village).get("id").asString());
        await().atMost(Duration.ofSeconds(10)).until(() -> coordination.notifications(taskId).contains("PUSH:FAILED:coord-" + village));

        String supervisor = coordination.supervisor();
        JsonNode deadLetters = coordination.readJson(web.get().uri("/api/v1/notifications/dead-letters?limit=100")
                .header("Authorization", "Bearer " + supervisor).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        JsonNode mine = null;
        for (JsonNode letter : deadLetters.get("items")) {
            if (letter.get("taskId").asString().equals(taskId)) {
                mine = letter;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("lastResponse").asString()).contains("INVALID_ARGUMENT");
        // Not in another county's letters.
        String elsewhere = coordination.token("sup-640104", org.aidline.intake.access.Role.SUPERVISOR, "640104");
        web.post().uri("/api/v1/notifications/{id}/retry", mine.get("id").asString()).header("Authorization", "Bearer " + elsewhere)
                .exchange().expectStatus().isNotFound();

        providers.healInvalid();
        web.post().uri("/api/v1/notifications/{id}/retry", mine.get("id").asString()).header("Authorization", "Bearer " + supervisor)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status")
                // Queued and, with the dispatcher woken at commit, perhaps already on its way when the answer is read.
                .value(status -> assertThat(status).isIn("QUEUED", "SENDING", "SENT"));
        await().atMost(Duration.ofSeconds(10)).until(() -> coordination.notifications(taskId).contains("PUSH:SENT:coord-" + village));
    }

    @Test
    void aDeadLetterRaisesTheOutboxGaugeThatPrometheusScrapes() {
        await().atMost(Duration.ofSeconds(30)).until(() -> !Double.isNaN(deadLetterGauge()));
        double before = deadLetterGauge();
        String village = Coordination.village(45);
        coordination.registerDevice(coordination.coordinatorOf(village), "FCM", "invalid-" + UUID.randomUUID());
        String taskId = coordination.taskOf(coordination.file(village).get("id").asString());
        await().atMost(Duration.ofSeconds(10)).until(() -> coordination.notifications(taskId).contains("PUSH:FAILED:coord-" + village));
        // Read by the poll, never by the scrape: it shows within a poll interval or two.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(deadLetterGauge()).isGreaterThanOrEqualTo(before + 1));
    }

    double deadLetterGauge() {
        String metric = "aidline_outbox_dead_letters{outbox=\"notification\"} ";
        for (String chunk : web.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody().collectList().block()) {
            for (String line : chunk.split("\n")) {
                if (line.startsWith(metric)) {
                    return Double.parseDouble(line.substring(metric.length()).trim());
                }
            }
        }
        throw new AssertionError("no " + metric + "in the scrape");
    }

    @Test
    void quotaExceededIsTriedAgainNoSoonerThanTheProvidersRetryAfter() {
        String village = Coordination.village(24);
        String coordinator = coordination.coordinatorOf(village);
        coordination.registerDevice(coordinator, "FCM", "quota-" + UUID.randomUUID());
        String taskId = coordination.taskOf(coordination.file(village).get("id").asString());

        await().atMost(Duration.ofSeconds(10)).until(() -> coordination.notifications(taskId).contains("PUSH:SENT:coord-" + village));
        JsonNode push = coordination.task(coordinator, taskId).at("/notifications/0");
        List<FakeProviders.Received> received = providers.received(push.get("id").asString());
        assertThat(received).hasSize(2);
        assertThat(received.get(1).atMillis() - received.get(0).atMillis()).isGreaterThanOrEqualTo(1_000);
        assertThat(push.at("/history/0/outcome").asString()).isEqualTo("RETRY");
        assertThat(push.at("/history/1/outcome").asString()).isEqualTo("SENT");
        assertThat(push.get("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void withTheProviderFailingHalfItsCallsEveryNotificationIsDeliveredExactlyOnce() {
        String village = Coordination.village(25);
        coordination.registerDevice(coordination.coordinatorOf(village), "JPUSH", "jpush-" + UUID.randomUUID());
        providers.failHalf(true);
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            tasks.add(coordination.taskOf(coordination.file(village).get("id").asString()));
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> tasks.stream()
                .allMatch(task -> coordination.notifications(task).equals(List.of("PUSH:SENT:coord-" + village))));
        List<String> ids = pushIds(tasks);
        assertThat(ids).hasSize(30);
        long attempts = ids.stream().mapToLong(id -> providers.received(id).size()).sum();
        assertThat(attempts).as("the provider failed some calls").isGreaterThan(30);
        assertThat(ids).allSatisfy(id -> assertThat(providers.accepted(id)).as("accepted sends of " + id).isEqualTo(1));
    }

    @Test
    void aDispatcherKilledMidDeliveryLosesNothingAndOnlyWhatWasInFlightIsResentUnderItsCollapseKey() {
        String village = Coordination.village(26);
        coordination.registerDevice(coordination.coordinatorOf(village), "JPUSH", "slow-" + UUID.randomUUID());
        // This instance's own dispatcher stands aside; the test runs two of its own, one after the other.
        dispatching.stop();
        try {
            List<String> tasks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tasks.add(coordination.taskOf(coordination.file(village).get("id").asString()));
            }
            List<String> ids = pushIds(tasks);

            // Two at a time, so that at the kill some are handed to the provider and the rest still wait in the outbox.
            Disposable killed = dispatcher(Clock.systemUTC(), 2).dispatchDue().subscribe();
            await().atMost(Duration.ofSeconds(10)).until(() -> ids.stream().anyMatch(id -> !providers.received(id).isEmpty()));
            killed.dispose();
            List<String> claimedAtTheKill = idsWithStatus(ids, "SENDING");
            assertThat(claimedAtTheKill).isNotEmpty().hasSizeLessThan(ids.size());

            // Restarted: after the lease, what the dead dispatcher held is taken again.
            Clock afterTheLease = Clock.offset(Clock.systemUTC(), properties.lease().plusSeconds(1));
            dispatcher(afterTheLease, properties.batchSize()).dispatchDue().block(Duration.ofSeconds(30));

            assertThat(tasks).allSatisfy(task -> assertThat(coordination.notifications(task)).containsExactly("PUSH:SENT:coord-" + village));
            for (String id : ids) {
                List<FakeProviders.Received> received = providers.received(id);
                if (claimedAtTheKill.contains(id)) {
                    // The provider may have taken it before the kill: the resend carries the same collapse key, one alert on the phone.
                    assertThat(received).hasSizeBetween(1, 2).allSatisfy(sent -> assertThat(sent.collapseKey()).isEqualTo(id));
                } else {
                    assertThat(received).as("sends of " + id + ", still in the outbox at the kill").hasSize(1);
                }
            }
        } finally {
            dispatching.start();
        }
    }

    @Test
    void aDispatcherStoppedGracefullyFinishesWhatItSentAndNothingGoesTwice() {
        String village = Coordination.village(27);
        coordination.registerDevice(coordination.coordinatorOf(village), "JPUSH", "slow-" + UUID.randomUUID());
        dispatching.stop();
        List<String> tasks = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                tasks.add(coordination.taskOf(coordination.file(village).get("id").asString()));
            }
        } finally {
            dispatching.start();
        }
        List<String> ids = pushIds(tasks);
        await().atMost(Duration.ofSeconds(10)).until(() -> ids.stream().anyMatch(id -> !providers.received(id).isEmpty()));
        // Stopping mid-delivery (as at a rolling deploy) waits for the sends under way and records them.
        dispatching.stop();
        dispatching.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> tasks.stream()
                .allMatch(task -> coordination.notifications(task).equals(List.of("PUSH:SENT:coord-" + village))));
        assertThat(ids).allSatisfy(id -> assertThat(providers.received(id)).hasSize(1));
    }

    @Test
    void aCoordinatorStreamingOnOneInstanceGetsATaskFiledThroughAnotherAndResumesAfterLastEventId() {
        String village = Coordination.village(28);
        String coordinator = coordination.coordinatorOf(village);
        coordination.registerDevice(coordinator, "FCM", "fcm-" + UUID.randomUUID());
        // Instance A dispatches nothing and reads the database only every minute: within seconds, only Redis can tell it.
        try (SecondInstance a = SecondInstance.sharing(environment, "aidline.notifications.enabled=false",
                "aidline.notifications.stream.poll=60s")) {
            WebClient onA = WebClient.builder().baseUrl("http://127.0.0.1:" + a.port()).build();
            List<ServerSentEvent<String>> seen = new CopyOnWriteArrayList<>();
            long listening = taskSignalSubscribers();
            Disposable stream = follow(onA, coordinator, null).subscribe(seen::add);
            try {
                await().atMost(Duration.ofSeconds(10)).until(() -> connected(seen));
                // Redis pub/sub is fire and forget: A must be subscribed before the signal is published.
                await().atMost(Duration.ofSeconds(10)).until(() -> taskSignalSubscribers() > listening);
                JsonNode first = coordination.file(village);

                await().atMost(Duration.ofSeconds(10)).until(() -> events(seen, first).size() == 1);
                ServerSentEvent<String> assigned = events(seen, first).get(0);
                assertThat(assigned.event()).isEqualTo("ASSIGNED");
                String taskId = json.readTree(assigned.data()).get("id").asString();
                // The app has it: the push counts as delivered.
                await().atMost(Duration.ofSeconds(10)).until(() -> !coordination.notifications(taskId).isEmpty()
                        && coordination.notifications(taskId).stream().allMatch(line -> line.equals("PUSH:DELIVERED:coord-" + village)));

                stream.dispose();
                JsonNode second = coordination.file(village);
                // Assigned while the app was away: its task is opened (notification's subscriber, after the filing) before
                // the app comes back. Were it opened after the resumed stream read the database, only a signal published
                // after that stream subscribed to Redis could tell it (else the 60 s poll of this instance).
                coordination.taskOf(second.get("id").asString());
                List<ServerSentEvent<String>> resumed = new CopyOnWriteArrayList<>();
                stream = follow(onA, coordinator, assigned.id()).subscribe(resumed::add);
                await().atMost(Duration.ofSeconds(10)).until(() -> events(resumed, second).size() == 1);
                assertThat(events(resumed, first)).isEmpty();
            } finally {
                stream.dispose();
            }
        }
    }

    @Test
    void withRedisDownTheStreamComesFromTheDatabaseAndIntakeGoesOn() {
        String village = Coordination.village(29);
        String coordinator = coordination.coordinatorOf(village);
        try (SecondInstance noRedis = SecondInstance.sharing(environment, "aidline.notifications.enabled=false",
                "spring.data.redis.port=1", "aidline.notifications.stream.poll=1s")) {
            WebTestClient onIt = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + noRedis.port())
                    .responseTimeout(Duration.ofSeconds(30)).build();
            WebClient streamClient = WebClient.builder().baseUrl("http://127.0.0.1:" + noRedis.port()).build();
            List<ServerSentEvent<String>> seen = new CopyOnWriteArrayList<>();
            Disposable stream = follow(streamClient, coordinator, null).subscribe(seen::add);
            try {
                await().atMost(Duration.ofSeconds(20)).until(() -> connected(seen));
                JsonNode report = coordination.file(onIt, village, true);
                await().atMost(Duration.ofSeconds(15)).until(() -> events(seen, report).size() == 1);
            } finally {
                stream.dispose();
            }
        }
    }

    private Flux<ServerSentEvent<String>> follow(WebClient client, String bearerToken, String lastEventId) {
        return client.get().uri("/api/v1/coordinator/tasks/stream")
                .header("Authorization", "Bearer " + bearerToken)
                .headers(headers -> {
                    if (lastEventId != null) {
                        headers.set("Last-Event-ID", lastEventId);
                    }
                })
                .accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {
                });
    }

    /** How many connections listen to the task signals in Redis (every instance's streams share one). */
    private long taskSignalSubscribers() {
        io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create("redis://127.0.0.1:"
                + environment.getProperty("spring.data.redis.port"));
        try (var connection = client.connect()) {
            return connection.sync().pubsubNumsub("aidline:task-signals").getOrDefault("aidline:task-signals", 0L);
        } finally {
            client.shutdown();
        }
    }

    /** The server says so once the stream's starting point is fixed. */
    private static boolean connected(List<ServerSentEvent<String>> seen) {
        return seen.stream().anyMatch(event -> "connected".equals(event.comment()));
    }

    private List<ServerSentEvent<String>> events(List<ServerSentEvent<String>> seen, JsonNode report) {
        String reportId = report.get("id").asString();
        return seen.stream()
                .filter(event -> event.data() != null && reportId.equals(json.readTree(event.data()).get("reportId").asString()))
                .toList();
    }

    private long sent(List<String> tasks) {
        return database.sql("select count(*) as sent from notification where task_id = any(:tasks) and status = 'SENT'")
                .bind("tasks", tasks.stream().map(UUID::fromString).toArray(UUID[]::new))
                .map(row -> row.get("sent", Long.class))
                .one()
                .block(Duration.ofSeconds(10));
    }

    private List<String> pushIds(List<String> tasks) {
        return database.sql("select id from notification where task_id = any(:tasks) and channel = 'PUSH'")
                .bind("tasks", tasks.stream().map(UUID::fromString).toArray(UUID[]::new))
                .map(row -> row.get("id", UUID.class).toString())
                .all()
                .collectList()
                .block(Duration.ofSeconds(10));
    }

    private List<String> idsWithStatus(List<String> ids, String status) {
        return database.sql("select id from notification where id = any(:ids) and status = :status")
                .bind("ids", ids.stream().map(UUID::fromString).toArray(UUID[]::new))
                .bind("status", status)
                .map(row -> row.get("id", UUID.class).toString())
                .all()
                .collectList()
                .block(Duration.ofSeconds(10));
    }

    private NotificationDispatcher dispatcher(Clock clock, int batchSize) {
        DeliverySettings settings = new DeliverySettings(batchSize, batchSize, properties.lease(),
                properties.maxAttempts(), new Backoff(properties.retry().base(), properties.retry().max()));
        return new NotificationDispatcher(notifications,
                NotificationConfiguration.pushSenders(properties, NotificationConfiguration.providerHttp(), clock),
                NotificationConfiguration.smsSender(properties, NotificationConfiguration.providerHttp()),
                settings, recipient -> {
                }, clock, () -> ThreadLocalRandom.current().nextDouble(), new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }

    private static String newPrivateKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
            return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
