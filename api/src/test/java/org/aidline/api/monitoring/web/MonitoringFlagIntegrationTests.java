package org.aidline.api.monitoring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.SampleReports;
import org.aidline.api.support.Tokens;
import org.aidline.intake.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Bulk monitoring flags: streamed JSON and CSV, row-by-row validation, no flag filed twice. */
@IntegrationTest
class MonitoringFlagIntegrationTests {

    static final String FLAGS = "/api/v1/monitoring/flags";
    static final MediaType CSV = MediaType.parseMediaType("text/csv");
    static final int ROWS = 10_000;
    static final Logger log = LoggerFactory.getLogger(MonitoringFlagIntegrationTests.class);

    @Autowired
    WebTestClient web;

    @Autowired
    Tokens tokens;

    @Autowired
    JsonMapper json;

    @Autowired
    DatabaseClient database;

    @Autowired
    org.springframework.core.env.Environment environment;

    List<String> villages;

    @BeforeEach
    void villagesAcrossTheProvince() {
        villages = database.sql("select code from village where code like '%001' order by code")
                .map(row -> row.get(0, String.class).trim()).all().collectList().block();
    }

    @Test
    void tenThousandJsonFlagsFileEveryGoodRowAndNameEachBadOneAndARepeatFilesNothing() {
        Tokens.Caller platform = tokens.staff(Role.MONITOR, "640000");
        FlagFiles files = new FlagFiles(villages);
        String source = "test-json-" + System.nanoTime();

        JsonNode first = timed("JSON", () -> upload(platform, source, MediaType.APPLICATION_JSON, files.json(ROWS, json)));
        assertTenThousandWithTheHundredBadRows(first, ROWS - 100, 0);
        assertFiledAsMonitoringReports(platform, source, ROWS - 100);

        JsonNode repeated = timed("JSON repeat", () -> upload(platform, source, MediaType.APPLICATION_JSON, files.json(ROWS, json)));
        assertTenThousandWithTheHundredBadRows(repeated, 0, ROWS - 100);
        assertThat(filedBy(platform)).isEqualTo(ROWS - 100);
    }

    @Test
    void tenThousandCsvFlagsFileEveryGoodRowAndNameEachBadOneAndARepeatFilesNothing() {
        Tokens.Caller platform = tokens.staff(Role.MONITOR, "640000");
        FlagFiles files = new FlagFiles(villages);
        String source = "test-csv-" + System.nanoTime();

        JsonNode first = timed("CSV", () -> upload(platform, source, CSV, files.csv(ROWS)));
        assertTenThousandWithTheHundredBadRows(first, ROWS - 100, 0);
        assertFiledAsMonitoringReports(platform, source, ROWS - 100);
        // Quoted fields keep their commas and quotes, and the Chinese text arrives intact.
        String description = database.sql("select r.description from report r join monitoring_flag f on f.report_id = r.id "
                        + "where f.source = :source and f.flag_id = :flagId")
                .bind("source", source).bind("flagId", files.flagId(7)).map(row -> row.get(0, String.class)).one().block();
        assertThat(description).isEqualTo("享受低保期间名下登记机动车辆, 车牌 \"宁A·7\"");

        JsonNode repeated = timed("CSV repeat", () -> upload(platform, source, CSV, files.csv(ROWS)));
        assertTenThousandWithTheHundredBadRows(repeated, 0, ROWS - 100);
        assertThat(filedBy(platform)).isEqualTo(ROWS - 100);
    }

    private void assertTenThousandWithTheHundredBadRows(JsonNode summary, long accepted, long alreadyReceived) {
        assertThat(summary.get("received").asLong()).isEqualTo(ROWS);
        assertThat(summary.get("accepted").asLong()).isEqualTo(accepted);
        assertThat(summary.get("alreadyReceived").asLong()).isEqualTo(alreadyReceived);
        assertThat(summary.get("rejected").asLong()).isEqualTo(100);
        assertThat(summary.get("errorsOmitted").asLong()).isZero();
        TreeMap<Long, String> reported = new TreeMap<>();
        summary.get("errors").forEach(error -> {
            assertThat(error.get("errors")).hasSize(1);
            reported.put(error.get("row").asLong(), error.get("errors").get(0).get("field").asString());
        });
        assertThat(reported).isEqualTo(FlagFiles.badRows(ROWS));
        if (accepted > 0) {
            // Flags are no emergencies: the normal queue, or the household's open case (the planted pair at least).
            assertThat(summary.get("decisions").propertyNames()).isSubsetOf("STANDARD", "DUPLICATE");
            assertThat(summary.get("decisions").get("DUPLICATE").asLong()).isPositive();
        } else {
            assertThat(summary.get("decisions").isEmpty()).isTrue();
        }
    }

    private void assertFiledAsMonitoringReports(Tokens.Caller uploader, String source, long expected) {
        Map<String, Object> filed = database.sql("""
                        select count(*) as reports,
                               count(*) filter (where r.channel = 'MONITORING' and not r.urgent and r.filed_by = :who
                                                and r.status in ('IN_REVIEW', 'DUPLICATE')) as as_expected,
                               count(f.flag_id) as linked
                        from report r left join monitoring_flag f on f.report_id = r.id and f.source = :source
                        where r.filed_by = :who
                        """)
                .bind("who", uploader.subject()).bind("source", source)
                .fetch().one().block();
        assertThat(filed).containsEntry("reports", expected).containsEntry("as_expected", expected).containsEntry("linked", expected);
    }

    @Test
    void aSupervisorFlagsOnlyVillagesOfTheirCounty() {
        Tokens.Caller supervisor = tokens.staff(Role.SUPERVISOR, "640104");
        List<Map<String, Object>> rows = List.of(
                flag("in-xingqing", "640104001001"), flag("in-xixia", "640105001001"), flag("in-dawukou", "640202001001"));
        JsonNode summary = upload(supervisor, "test-region-" + System.nanoTime(), MediaType.APPLICATION_JSON,
                Flux.just(json.writeValueAsString(rows)));
        assertThat(summary.get("accepted").asLong()).isEqualTo(1);
        assertThat(summary.get("rejected").asLong()).isEqualTo(2);
        assertThat(errorRows(summary)).containsExactly(2L, 3L);
        JsonNode error = summary.get("errors").get(0);
        assertThat(error.get("flagId").asString()).isEqualTo("in-xixia");
        assertThat(error.get("errors").get(0).get("field").asString()).isEqualTo("villageCode");
        assertThat(error.get("errors").get(0).get("message").asString()).isEqualTo("is outside the region you work in");
        assertThat(filedBy(supervisor)).isEqualTo(1);
    }

    static Stream<Arguments> refusedRoles() {
        return Stream.of(
                Arguments.of(Role.CITIZEN, null),
                Arguments.of(Role.OPERATOR, "640104"),
                Arguments.of(Role.COORDINATOR, "640104001001"),
                Arguments.of(Role.AUDITOR, "640000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedRoles")
    void onlySupervisorsAndTheMonitoringPlatformMaySendFlags(Role role, String region) {
        String token = role == Role.CITIZEN ? tokens.newCitizen().token() : tokens.staff(role, region).token();
        web.post().uri(FLAGS).header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json.writeValueAsString(List.of(flag("refused", "640104001001"))))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void withoutATokenNothingIsRead() {
        web.post().uri(FLAGS).contentType(MediaType.APPLICATION_JSON).bodyValue("[]")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void otherMediaTypesAreUnsupportedAndTheProblemNamesBoth() {
        Tokens.Caller platform = tokens.staff(Role.MONITOR, "640000");
        for (MediaType type : List.of(MediaType.TEXT_PLAIN, MediaType.APPLICATION_XML, MediaType.APPLICATION_OCTET_STREAM)) {
            JsonNode problem = problem(web.post().uri(FLAGS).header("Authorization", platform.bearer())
                    .contentType(type).bodyValue("flagId\n1").exchange(), 415);
            assertThat(problem.get("type").asString()).isEqualTo("/problems/unsupported-media-type");
            assertThat(problem.get("detail").asString()).contains("application/json").contains("text/csv");
        }
    }

    static Stream<Arguments> unreadableUploads() {
        return Stream.of(
                Arguments.of("a JSON object instead of an array", MediaType.APPLICATION_JSON, "{\"flagId\":\"1\"}", null),
                Arguments.of("a JSON string", MediaType.APPLICATION_JSON, "\"flags\"", null),
                Arguments.of("not JSON at all", MediaType.APPLICATION_JSON, "flagId,villageCode", null),
                Arguments.of("CSV without a header", CSV, "NX-1,640104001001,OTHER,马建国,,4,车辆,\n", "flagId"),
                Arguments.of("CSV header lacking a column", CSV, "flagId,villageCode,category,subjectName,householdSize\n", "reason"),
                Arguments.of("CSV header naming a column twice", CSV,
                        "flagId,villageCode,category,subjectName,householdSize,reason,reason\n", "reason"),
                Arguments.of("CSV header with an open quote", CSV, "flagId,\"villageCode\n", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableUploads")
    void anUploadThatCannotBeReadAtAllIsAProblemAndFilesNothing(String what, MediaType type, String body, String field) {
        Tokens.Caller platform = tokens.staff(Role.MONITOR, "640000");
        JsonNode problem = problem(web.post().uri(FLAGS).header("Authorization", platform.bearer())
                .contentType(type).bodyValue(body).exchange(), 400);
        assertThat(problem.get("type").asString()).isEqualTo("/problems/malformed-body");
        if (field != null) {
            List<String> fields = new ArrayList<>();
            problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
            assertThat(fields).contains(field);
        }
        assertThat(filedBy(platform)).isZero();
    }

    @Test
    void aSourceThatIsNoNameIsABadParameter() {
        Tokens.Caller platform = tokens.staff(Role.MONITOR, "640000");
        JsonNode problem = problem(web.post().uri(FLAGS + "?source=Not A Name").header("Authorization", platform.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("[]").exchange(), 400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("source");
    }

    static Stream<Arguments> emptyUploads() {
        return Stream.of(
                Arguments.of("an empty JSON array", MediaType.APPLICATION_JSON, " [ ] "),
                Arguments.of("an empty JSON body", MediaType.APPLICATION_JSON, ""),
                Arguments.of("a CSV header alone", CSV, String.join(",", FlagFiles.COLUMNS) + "\r\n"),
                Arguments.of("an empty CSV body", CSV, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("emptyUploads")
    void anEmptyUploadReceivesNothing(String what, MediaType type, String body) {
        Tokens.Caller platform = tokens.staff(Role.MONITOR, "640000");
        JsonNode summary = upload(platform, "test-empty", type, Flux.just(body));
        for (String count : List.of("received", "accepted", "alreadyReceived", "rejected", "errorsOmitted")) {
            assertThat(summary.get(count).asLong()).as(count).isZero();
        }
        assertThat(summary.get("errors").isEmpty()).isTrue();
    }

    @Test
    void whereTheJsonArrayBreaksThatRowIsBadAndTheRestIsNotRead() {
        Tokens.Caller platform = tokens.staff(Role.MONITOR, "640000");
        String body = "[" + json.writeValueAsString(flag("before-1", "640104001001")) + ","
                + json.writeValueAsString(flag("before-2", "640104001001")) + ","
                + "{\"flagId\": \"broken\", \"villageCode\" 640104001001}, "
                + json.writeValueAsString(flag("after", "640104001001")) + "]";
        JsonNode summary = upload(platform, "test-broken-" + System.nanoTime(), MediaType.APPLICATION_JSON, Flux.just(body));
        assertThat(summary.get("received").asLong()).isEqualTo(3);
        assertThat(summary.get("accepted").asLong()).isEqualTo(2);
        assertThat(errorRows(summary)).containsExactly(3L);
        assertThat(summary.get("errors").get(0).get("errors").get(0).get("field").asString()).isEqualTo("row");
        assertThat(summary.get("errors").get(0).get("errors").get(0).get("message").asString()).contains("not valid JSON");
        assertThat(filedBy(platform)).isEqualTo(2);
    }

    @Test
    void elementsThatAreNoFlagObjectsAreBadRowsAndReadingGoesOn() {
        Tokens.Caller platform = tokens.staff(Role.MONITOR, "640000");
        Map<String, Object> nested = flag("nested", "640104001001");
        nested.put("householdSize", Map.of("adults", 2));
        nested.put("category", "LOTTERY");
        Map<String, Object> numbered = flag("ignored", "640104001001");
        numbered.put("flagId", 4_000_123);
        numbered.put("unknownField", "the platform's own");
        String body = "[1, \"flag\", null, " + json.writeValueAsString(nested) + ", " + json.writeValueAsString(numbered) + "]";
        JsonNode summary = upload(platform, "test-elements-" + System.nanoTime(), MediaType.APPLICATION_JSON, Flux.just(body));
        assertThat(summary.get("received").asLong()).isEqualTo(5);
        assertThat(summary.get("accepted").asLong()).isEqualTo(1);
        assertThat(errorRows(summary)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(summary.get("errors").get(3).get("flagId").asString()).isEqualTo("nested");
        List<String> fields = new ArrayList<>();
        summary.get("errors").get(3).get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).containsExactly("category", "householdSize");
    }

    @Test
    void aBadRowNamesEveryFieldThatIsWrong() {
        Tokens.Caller platform = tokens.staff(Role.MONITOR, "640000");
        String body = String.join(",", FlagFiles.COLUMNS) + "\n"
                + "NX-ALL-WRONG,6401,LOTTERY,,110105194912310021,0,,yesterday\n";
        JsonNode summary = upload(platform, "test-all-wrong", CSV, Flux.just(body));
        List<String> fields = new ArrayList<>();
        summary.get("errors").get(0).get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).containsExactly("category", "detectedAt", "householdSize", "idNumber", "reason", "subjectName", "villageCode");
        assertThat(summary.get("errors").get(0).get("flagId").asString()).isEqualTo("NX-ALL-WRONG");
    }

    @Test
    void malformedCsvLinesAreBadRowsAndReadingGoesOn() {
        Tokens.Caller platform = tokens.staff(Role.MONITOR, "640000");
        String good = FlagFiles.csvLine(flag("csv-good-1", "640104001001"));
        String body = "\uFEFF" + String.join(",", FlagFiles.COLUMNS) + "\r\n"
                + good + "\r\n"
                + "csv-open-quote,640104001001,OTHER,\"马建国,4,车辆\r\n"
                + "\r\n"
                + "csv-short,640104001001,OTHER\r\n"
                + "csv-after-quote,640104001001,OTHER,\"马建国\"x,,4,车辆,\r\n"
                + FlagFiles.csvLine(flag("csv-good-2", "640104001002"));
        JsonNode summary = upload(platform, "test-csv-lines-" + System.nanoTime(), CSV, Flux.just(body));
        assertThat(summary.get("received").asLong()).isEqualTo(5);
        assertThat(summary.get("accepted").asLong()).isEqualTo(2);
        // The blank line 4 is skipped but keeps its number, so rows match the file's lines after the header.
        assertThat(errorRows(summary)).containsExactly(2L, 4L, 5L);
        assertThat(summary.get("errors").get(1).get("flagId").asString()).isEqualTo("csv-short");
        assertThat(summary.get("errors").get(1).get("errors").get(0).get("message").asString()).isEqualTo("has 3 fields; the header has 8");
    }

    @Test
    void aCsvLineLongerThanTheLimitIsABadRowAfterWhichNothingIsRead() {
        Tokens.Caller platform = tokens.staff(Role.MONITOR, "640000");
        Map<String, Object> huge = flag("csv-huge", "640104001001");
        huge.put("reason", "长".repeat(30_000));
        String body = String.join(",", FlagFiles.COLUMNS) + "\n"
                + FlagFiles.csvLine(flag("csv-before", "640104001001")) + "\n"
                + FlagFiles.csvLine(huge) + "\n"
                + FlagFiles.csvLine(flag("csv-after", "640104001001")) + "\n";
        JsonNode summary = upload(platform, "test-csv-huge-" + System.nanoTime(), CSV, Flux.just(body));
        assertThat(summary.get("received").asLong()).isEqualTo(2);
        assertThat(summary.get("accepted").asLong()).isEqualTo(1);
        assertThat(errorRows(summary)).containsExactly(2L);
        assertThat(summary.get("errors").get(0).get("errors").get(0).get("message").asString()).contains("longer than");
        assertThat(filedBy(platform)).isEqualTo(1);
    }

    @Test
    void concurrentUploadsOfTheSameFlagsFileEachFlagOnce() {
        Tokens.Caller platform = tokens.staff(Role.MONITOR, "640000");
        FlagFiles files = new FlagFiles(villages);
        String source = "test-concurrent-" + System.nanoTime();
        int rows = 400;
        List<JsonNode> summaries = Flux.range(0, 3)
                .flatMap(i -> Mono.fromCallable(() -> upload(platform, source, MediaType.APPLICATION_JSON, files.json(rows, json)))
                        .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()))
                .collectList().block(Duration.ofMinutes(10));
        long good = rows - FlagFiles.badRows(rows).size();
        long accepted = summaries.stream().mapToLong(summary -> summary.get("accepted").asLong()).sum();
        long already = summaries.stream().mapToLong(summary -> summary.get("alreadyReceived").asLong()).sum();
        assertThat(accepted).isEqualTo(good);
        assertThat(already).isEqualTo(2 * good);
        assertThat(filedBy(platform)).isEqualTo(good);
    }

    @Test
    void uploadsAtOnceTakeTurnsAndStreamTheirProgress() {
        Tokens.Caller platform = tokens.staff(Role.MONITOR, "640000");
        FlagFiles files = new FlagFiles(villages);
        int rows = 450;
        List<Line> lines = Flux.merge(progress(platform, "test-turns-a-" + System.nanoTime(), files.json(rows, json), "a"),
                        progress(platform, "test-turns-b-" + System.nanoTime(), files.json(rows, json), "b"))
                .collectList().block(Duration.ofMinutes(5));
        long good = rows - FlagFiles.badRows(rows).size();
        for (String upload : List.of("a", "b")) {
            List<JsonNode> own = lines.stream().filter(line -> line.upload().equals(upload)).map(Line::progress).toList();
            assertThat(own.get(0).get("status").asString()).isEqualTo("WAITING");
            assertThat(own.subList(1, own.size() - 1)).as("a line per batch of 200 rows")
                    .hasSize(3).allSatisfy(line -> assertThat(line.get("status").asString()).isEqualTo("RUNNING"));
            assertThat(own.subList(1, own.size()).stream().map(line -> line.get("received").asLong()))
                    .as("counts so far, then all").containsExactly(200L, 400L, (long) rows, (long) rows);
            JsonNode last = own.get(own.size() - 1);
            assertThat(last.get("status").asString()).isEqualTo("COMPLETED");
            assertThat(last.get("summary").get("accepted").asLong()).isEqualTo(good);
        }
        // One at a time: whichever went first had completed before the other filed its first batch.
        Line firstDone = lines.stream().filter(line -> line.progress().get("status").asString().equals("COMPLETED")).findFirst().orElseThrow();
        Line otherStarted = lines.stream().filter(line -> !line.upload().equals(firstDone.upload())
                && line.progress().get("status").asString().equals("RUNNING")).findFirst().orElseThrow();
        assertThat(lines.indexOf(firstDone)).isLessThan(lines.indexOf(otherStarted));
    }

    private record Line(String upload, JsonNode progress) {
    }

    private Flux<Line> progress(Tokens.Caller uploader, String source, Flux<String> body, String name) {
        return web.mutate().responseTimeout(Duration.ofMinutes(5)).build()
                .post().uri(uriBuilder -> uriBuilder.path(FLAGS).queryParam("source", source).build())
                .header("Authorization", uploader.bearer())
                .accept(MediaType.APPLICATION_NDJSON)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body, String.class)
                .exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseBody()
                .map(line -> new Line(name, json.readTree(line)));
    }

    private static Map<String, Object> flag(String flagId, String villageCode) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("flagId", flagId);
        row.put("villageCode", villageCode);
        row.put("category", "BASIC_LIVING");
        row.put("subjectName", "马建国");
        row.put("idNumber", SampleReports.newIdNumber());
        row.put("householdSize", 4);
        row.put("reason", "享受低保期间名下登记机动车辆");
        return row;
    }

    private JsonNode upload(Tokens.Caller uploader, String source, MediaType type, Flux<String> body) {
        byte[] response = web.mutate().responseTimeout(Duration.ofMinutes(10)).build()
                .post().uri(uriBuilder -> uriBuilder.path(FLAGS).queryParam("source", source).build())
                .header("Authorization", uploader.bearer())
                .contentType(type)
                .body(body, String.class)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().returnResult().getResponseBody();
        return json.readTree(response);
    }

    private JsonNode problem(WebTestClient.ResponseSpec response, int status) {
        byte[] body = response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().returnResult().getResponseBody();
        return json.readTree(body);
    }

    private static List<Long> errorRows(JsonNode summary) {
        List<Long> rows = new ArrayList<>();
        summary.get("errors").forEach(error -> rows.add(error.get("row").asLong()));
        return rows;
    }

    private long filedBy(Tokens.Caller uploader) {
        return database.sql("select count(*) from report where filed_by = :who").bind("who", uploader.subject())
                .map(row -> row.get(0, Long.class)).one().block();
    }

    /**
     * Times an upload and counts the CPU it cost this JVM (service and test client) and its child
     * processes (the embedded PostgreSQL), which the machine's other load does not inflate.
     */
    private JsonNode timed(String what, java.util.function.Supplier<JsonNode> upload) {
        long started = System.nanoTime();
        Duration cpuBefore = cpu();
        JsonNode summary = upload.get();
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuMillisPerRow = (double) cpu().minus(cpuBefore).toMillis() / ROWS;
        java.lang.management.MemoryUsage heap = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        log.info("{} upload of {} rows: {} s, {} rows/s; {} ms CPU per row (JVM + PostgreSQL); heap used {} MB; load average {}",
                what, ROWS, String.format("%.2f", seconds), Math.round(ROWS / seconds), String.format("%.2f", cpuMillisPerRow),
                heap.getUsed() >> 20, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return summary;
    }

    private Duration cpu() {
        // The embedded PostgreSQL daemonises, so it is found by its port rather than as a child.
        String port = " -p " + java.net.URI.create(environment.getProperty("spring.r2dbc.url", "r2dbc://x:0").substring(6)).getPort() + " ";
        Stream<ProcessHandle> postgres = ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().map(line -> line.contains("postgres") && line.contains(port)).orElse(false))
                .flatMap(server -> Stream.concat(Stream.of(server), server.descendants()));
        Stream<ProcessHandle> jvm = Stream.concat(Stream.of(ProcessHandle.current()), ProcessHandle.current().descendants());
        return Stream.concat(jvm, postgres)
                .map(process -> process.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }
}
