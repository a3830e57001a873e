package org.aidline.api.registryimport.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.Tokens;
import org.aidline.intake.access.Role;
import org.aidline.intake.personaldata.PersonalDataProtector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Registry imports: streamed CSV and JSON lines, idempotent per person and programme, refused rows by number, progress while running. */
@IntegrationTest
class RegistryImportIntegrationTests {

    static final String IMPORTS = "/api/v1/registry/imports";
    static final MediaType CSV = MediaType.parseMediaType("text/csv");
    static final int ROWS = 5_000;

    @Autowired
    WebTestClient web;

    @Autowired
    Tokens tokens;

    @Autowired
    JsonMapper json;

    @Autowired
    DatabaseClient database;

    @Autowired
    PersonalDataProtector protector;

    @LocalServerPort
    int port;

    List<String> villages;

    @BeforeEach
    void villagesAcrossTheProvince() {
        // Not Xiji's (640422): the payroll test counts that county's enrolments as its own.
        villages = database.sql("select code from village where code like '%001' and code not like '640422%' order by code")
                .map(row -> row.get(0, String.class).trim()).all().collectList().block();
    }

    @Test
    void fiveThousandRowsEnrolEveryGoodRowNameEachBadOneAndTheSameFileAgainChangesNothing() {
        Tokens.Caller feed = tokens.registryFeed();
        PeopleFiles files = new PeopleFiles(villages);
        long seconds = PeopleFiles.secondProgrammes(ROWS);

        JsonNode first = upload(feed, CSV, bytes(files.csv(ROWS, 0), StandardCharsets.UTF_8), null);
        assertCounts(first, ROWS - 4, ROWS - 4, 0);
        assertThat(refusedRows(first)).isEqualTo(PeopleFiles.badRows());
        UUID firstId = UUID.fromString(first.get("id").asString());
        assertThat(historyOf(firstId)).isEqualTo(ROWS - 4);
        // Every tenth row is a person already in the file, in a second programme: one member, two enrolments.
        Map<String, Object> people = database.sql("""
                        select count(distinct e.member_id) as members, count(distinct e.id) as enrolments,
                               count(distinct m.household_id) as households
                        from enrolment_change c join enrolment e on e.id = c.enrolment_id join member m on m.id = e.member_id
                        where c.import_id = :id
                        """).bind("id", firstId).fetch().one().block();
        assertThat(people).containsEntry("enrolments", (long) ROWS - 4).containsEntry("members", ROWS - 4 - seconds);
        // Every third person shares a household with two others (the feed's householdId); the others are their own.
        assertThat((Long) people.get("households")).isLessThan(ROWS - 4 - seconds);
        // Audited row by row, written per statement (registry V5): one INSERT event per enrolment made.
        assertThat(enrolmentAudits(firstId, "INSERT")).isEqualTo(ROWS - 4);

        JsonNode again = upload(feed, CSV, bytes(files.csv(ROWS, 0), StandardCharsets.UTF_8), null);
        assertCounts(again, ROWS - 4, 0, 0);
        assertThat(again.get("unchanged").asLong()).isEqualTo(ROWS - 4);
        assertThat(historyOf(UUID.fromString(again.get("id").asString()))).isZero();
        assertThat(enrolmentAudits(firstId, "UPDATE")).as("nothing changed, nothing audited").isZero();

        JsonNode raised = upload(feed, CSV, bytes(files.csv(ROWS, 25), StandardCharsets.UTF_8), null);
        // Rows 1-25 carry one fen more (rows 10 and 20 in a second programme): 25 enrolments changed, each with history.
        assertCounts(raised, ROWS - 4, 0, 25);
        assertThat(historyOf(UUID.fromString(raised.get("id").asString()))).isEqualTo(25);
        assertThat(enrolmentAudits(firstId, "UPDATE")).isEqualTo(25);

        JsonNode read = web.get().uri(IMPORTS + "/" + firstId).header(HttpHeaders.AUTHORIZATION, feed.bearer())
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(read.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(read.get("accepted").asLong()).isEqualTo(ROWS - 4);
        assertThat(read.get("errors")).hasSize(4);
    }

    @Test
    void gb18030FromExcelAndJsonLinesKeepChineseNamesEncryptedAndMasked() {
        Tokens.Caller feed = tokens.registryFeed();
        PeopleFiles files = new PeopleFiles(villages);
        String village = villages.get(0);
        String csv = PeopleFiles.HEADER + "\r\n"
                + "马建国," + files.idNumber(1) + "," + village + ",MINIMUM_LIVING,780.00,,,,\r\n"
                + "\"欧阳,娜娜\"," + files.idNumber(2) + "," + village + ",ORPHAN_ALLOWANCE,1450.5,2025-03-01,SUSPENDED,核查中,\r\n";
        JsonNode gb = upload(feed, CSV, Flux.just(csv).map(text -> DefaultDataBufferFactory.sharedInstance.wrap(text.getBytes(Charset.forName("GB18030")))),
                null);
        assertCounts(gb, 2, 2, 0);
        Map<String, Object> stored = database.sql("""
                        select m.name_cipher, m.name_masked, e.monthly_amount_fen, e.status, e.reason
                        from member m join enrolment e on e.member_id = m.id where m.id_number_hash = :hash
                        """).bind("hash", protector.householdKey(new org.aidline.intake.report.ResidentId(files.idNumber(2))))
                .fetch().one().block();
        java.nio.ByteBuffer cipher = (java.nio.ByteBuffer) stored.get("name_cipher");
        byte[] sealed = new byte[cipher.remaining()];
        cipher.get(sealed);
        assertThat(protector.revealName(sealed)).isEqualTo("欧阳,娜娜");
        assertThat(stored).containsEntry("name_masked", "欧****").containsEntry("monthly_amount_fen", 145050L)
                .containsEntry("status", "SUSPENDED").containsEntry("reason", "核查中");

        // The same two people as JSON lines, UTF-8, the answer streamed: RUNNING with the id first, COMPLETED last.
        String lines = "{\"name\":\"马建国\",\"idNumber\":\"" + files.idNumber(1) + "\",\"villageCode\":\"" + village
                + "\",\"programme\":\"MINIMUM_LIVING\",\"monthlyAmount\":780.00}\n"
                + "{\"name\":\"欧阳,娜娜\",\"idNumber\":\"" + files.idNumber(2) + "\",\"villageCode\":" + village
                + ",\"programme\":\"ORPHAN_ALLOWANCE\",\"monthlyAmount\":1450.50,\"startsOn\":\"2025-03-01\",\"status\":\"ACTIVE\"}\n"
                + "[1, 2]\n";
        List<JsonNode> progress = web.post().uri(IMPORTS).header(HttpHeaders.AUTHORIZATION, feed.bearer())
                .contentType(MediaType.APPLICATION_NDJSON).accept(MediaType.APPLICATION_NDJSON).bodyValue(lines)
                .exchange().expectStatus().isCreated().returnResult(JsonNode.class).getResponseBody().collectList().block();
        assertThat(progress.get(0).get("status").asString()).isEqualTo("RUNNING");
        JsonNode done = progress.get(progress.size() - 1);
        assertThat(done.get("id")).isEqualTo(progress.get(0).get("id"));
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        // Person 1 is as before; person 2's enrolment is active again (no reason now): one change.
        assertCounts(done, 2, 0, 1);
        assertThat(refusedRows(done)).isEqualTo(Map.of(3L, "row"));
    }

    @Test
    void aSupervisorImportsOnlyVillagesOfTheirCountyAndOnlyTheirRegionSeesTheImport() {
        Tokens.Caller supervisor = tokens.staff(Role.SUPERVISOR, "640104");
        PeopleFiles files = new PeopleFiles(villages);
        String csv = PeopleFiles.HEADER + "\n"
                + "马建国," + files.idNumber(1) + ",640104001001,MINIMUM_LIVING,780.00,,,,\n"
                + "马建华," + files.idNumber(2) + ",640105001001,MINIMUM_LIVING,780.00,,,,\n";
        JsonNode summary = upload(supervisor, CSV, bytes(Flux.just(csv), StandardCharsets.UTF_8), null);
        assertCounts(summary, 1, 1, 0);
        assertThat(summary.get("region").asString()).isEqualTo("640104");
        assertThat(summary.get("errors").get(0).get("row").asLong()).isEqualTo(2);
        assertThat(summary.get("errors").get(0).get("message").asString()).isEqualTo("is outside the region you work in");

        String location = IMPORTS + "/" + summary.get("id").asString();
        web.get().uri(location).header(HttpHeaders.AUTHORIZATION, tokens.staff(Role.SUPERVISOR, "640104").bearer())
                .exchange().expectStatus().isOk();
        web.get().uri(location).header(HttpHeaders.AUTHORIZATION, tokens.staff(Role.SUPERVISOR, "640105").bearer())
                .exchange().expectStatus().isNotFound();
        web.get().uri(location).header(HttpHeaders.AUTHORIZATION, tokens.registryFeed().bearer())
                .exchange().expectStatus().isOk();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"CITIZEN", "COORDINATOR", "OPERATOR", "AUDITOR", "MONITOR"})
    void othersMayNotImport(Role role) {
        String bearer = role == Role.CITIZEN ? tokens.newCitizen().bearer() : tokens.staff(role, "640104").bearer();
        web.post().uri(IMPORTS).header(HttpHeaders.AUTHORIZATION, bearer).contentType(CSV)
                .bodyValue(PeopleFiles.HEADER + "\n").exchange().expectStatus().isForbidden();
    }

    @Test
    void progressIsReadableWhileTheFileStillArrives() {
        Tokens.Caller feed = tokens.registryFeed();
        PeopleFiles files = new PeopleFiles(villages);
        UUID id = UUID.randomUUID();
        Sinks.Empty<Void> gate = Sinks.empty();
        // The first 2,500 rows, then nothing until the gate opens: the batches of the first 2,000 are written meanwhile.
        Flux<String> body = Flux.concat(files.csv(2_500, 0), gate.asMono().thenMany(Flux.range(2_501, 500).map(row -> files.line(row, 0) + "\n")));
        CompletableFuture<String> answer = WebClient.create("http://127.0.0.1:" + port).post().uri(IMPORTS)
                .header(HttpHeaders.AUTHORIZATION, feed.bearer()).header("Import-Id", id.toString()).contentType(CSV)
                .body(BodyInserters.fromPublisher(bytes(body, StandardCharsets.UTF_8), DataBuffer.class))
                .retrieve().bodyToMono(String.class).toFuture();

        JsonNode running = await().atMost(Duration.ofSeconds(30)).until(() -> read(feed, id), found -> found != null
                && found.has("read") && found.get("read").asLong() >= 2_000);
        assertThat(running.get("status").asString()).isEqualTo("RUNNING");
        assertThat(running.hasNonNull("finishedAt")).isFalse();
        assertThat(answer).isNotDone();

        gate.tryEmitEmpty();
        JsonNode done = json.readTree(answer.join());
        assertThat(done.get("id").asString()).isEqualTo(id.toString());
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("read").asLong()).isEqualTo(3_000);
        assertThat(read(feed, id).get("status").asString()).isEqualTo("COMPLETED");

        // The same id again is another import's: refused, nothing read.
        web.post().uri(IMPORTS).header(HttpHeaders.AUTHORIZATION, feed.bearer()).header("Import-Id", id.toString())
                .contentType(CSV).bodyValue(PeopleFiles.HEADER + "\n").exchange().expectStatus().isEqualTo(409);
    }

    private JsonNode read(Tokens.Caller caller, UUID id) {
        return web.get().uri(IMPORTS + "/" + id).header(HttpHeaders.AUTHORIZATION, caller.bearer()).exchange()
                .returnResult(JsonNode.class).getResponseBody().next().block(Duration.ofSeconds(10));
    }

    private JsonNode upload(Tokens.Caller caller, MediaType type, Flux<DataBuffer> body, String importId) {
        WebTestClient.RequestBodySpec request = web.mutate().responseTimeout(Duration.ofMinutes(2)).build()
                .post().uri(IMPORTS).header(HttpHeaders.AUTHORIZATION, caller.bearer()).contentType(type);
        if (importId != null) {
            request = request.header("Import-Id", importId);
        }
        var result = request.body(BodyInserters.fromDataBuffers(body)).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult();
        JsonNode summary = result.getResponseBody();
        assertThat(result.getResponseHeaders().getLocation()).hasToString(IMPORTS + "/" + summary.get("id").asString());
        assertThat(summary.get("status").asString()).isEqualTo("COMPLETED");
        return summary;
    }

    private static Flux<DataBuffer> bytes(Flux<String> lines, Charset charset) {
        return lines.buffer(100).map(chunk -> DefaultDataBufferFactory.sharedInstance.wrap(String.join("", chunk).getBytes(charset)));
    }

    private static void assertCounts(JsonNode summary, long accepted, long enrolled, long changed) {
        assertThat(summary.get("accepted").asLong()).as("accepted").isEqualTo(accepted);
        assertThat(summary.get("enrolled").asLong()).as("enrolled").isEqualTo(enrolled);
        assertThat(summary.get("changed").asLong()).as("changed").isEqualTo(changed);
        assertThat(summary.get("read").asLong()).isEqualTo(accepted + summary.get("refused").asLong());
    }

    private static Map<Long, String> refusedRows(JsonNode summary) {
        Map<Long, String> refused = new TreeMap<>();
        summary.get("errors").forEach(error -> refused.put(error.get("row").asLong(), error.get("field").asString()));
        return refused;
    }

    /** Audit events of this action on the enrolments an import made. */
    private long enrolmentAudits(UUID importId, String action) {
        return database.sql("""
                        select count(*) from audit_event a
                        where a.entity_type = 'enrolment' and a.action = :action
                          and a.entity_id in (select cast(c.enrolment_id as text) from enrolment_change c where c.import_id = :id)
                        """).bind("id", importId).bind("action", action)
                .map(row -> row.get(0, Long.class)).one().block();
    }

    private long historyOf(UUID importId) {
        return database.sql("select count(*) from enrolment_change where import_id = :id").bind("id", importId)
                .map(row -> row.get(0, Long.class)).one().block();
    }
}
