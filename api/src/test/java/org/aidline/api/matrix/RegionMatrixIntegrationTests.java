package org.aidline.api.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.aidline.api.matrix.MatrixRequests.Call;
import org.aidline.api.matrix.MatrixWorld.Caller;
import org.aidline.api.matrix.MatrixWorld.Scope;
import org.aidline.api.matrix.RegionMatrix.Expected;
import org.aidline.api.matrix.RegionMatrix.Shows;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.Tokens;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Region scope everywhere (issue 5, item 2): every operation of the published contract, called by
 * every role (and nobody) on a resource of the caller's own region and on one of another region,
 * with real tokens against the running service; each cell holds its expected status, and for lists
 * whether the scope's resource shows. A citizen's "own" is what they filed, "other" another's.
 *
 * <p>The expectations are data: {@code src/test/resources/matrix/region-matrix.txt}, one row per
 * operation. The test fails, naming them, for an operation of {@code openapi/aidline-v1.json} with no
 * row, for a row the contract no longer has, and for a row with no request in {@link MatrixRequests}:
 * a new endpoint cannot escape the matrix.
 *
 * <p><b>Adding an endpoint</b> (after regenerating the contract):
 * <ol>
 * <li>add its row to region-matrix.txt: for each caller {@code own/other}, the status an allowed
 *     caller reaches (pick a target or body whose allowed answer is a 409/412 where success would
 *     change state for good), 403 or 404 for the other region, 403 for a role refused, 401 for
 *     ANONYMOUS; {@code +}/{@code -} for lists that must (not) show the scope's resource; {@code .}
 *     for the other scope of an operation that only addresses the caller;</li>
 * <li>add one {@code on(METHOD, path, (caller, scope) -> Call...)} line to {@link MatrixRequests}: the
 *     request for the scope's resource (its ids come from {@link MatrixWorld}, which makes the same
 *     resources in both regions; add one there if the endpoint needs a new kind), with
 *     {@code listing(id)} for a list (pages are followed by {@code nextCursor}/{@code next}).</li>
 * </ol>
 */
@IntegrationTest
class RegionMatrixIntegrationTests {

    static final Path CONTRACT = Path.of("..", "openapi", "aidline-v1.json");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final int MAX_PAGES = 300;

    @Autowired
    WebTestClient web;

    @Autowired
    Tokens tokens;

    @Autowired
    JsonMapper json;

    @Autowired
    DatabaseClient database;

    @TestFactory
    Stream<DynamicNode> everyOperationOfTheContractByEveryRoleInItsOwnAndAnotherRegion() throws IOException {
        List<String> contract = operationsOf(json.readTree(Files.readString(CONTRACT)));
        RegionMatrix matrix = RegionMatrix.read();
        MatrixWorld world = new MatrixWorld(web, tokens, json, database);
        MatrixRequests requests = new MatrixRequests(world);

        List<String> withoutRow = contract.stream().filter(operation -> !matrix.rows().containsKey(operation)).toList();
        List<String> stale = matrix.operations().stream().filter(operation -> !contract.contains(operation)).toList();
        List<String> withoutRequest = matrix.operations().stream().filter(operation -> !requests.operations().contains(operation)).toList();
        withoutRow.forEach(operation -> System.out.println("region matrix: no row for " + operation + " (add it to " + RegionMatrix.RESOURCE + ")"));
        stale.forEach(operation -> System.out.println("region matrix: row for " + operation + ", which the contract does not have"));
        withoutRequest.forEach(operation -> System.out.println("region matrix: no request for " + operation + " in MatrixRequests"));

        List<DynamicNode> nodes = new ArrayList<>();
        nodes.add(DynamicTest.dynamicTest("every operation of the contract has a row", () -> assertThat(withoutRow)
                .as("operations of %s with no row in %s", CONTRACT, RegionMatrix.RESOURCE).isEmpty()));
        nodes.add(DynamicTest.dynamicTest("every row is an operation of the contract", () -> assertThat(stale)
                .as("rows of %s the contract does not have", RegionMatrix.RESOURCE).isEmpty()));
        nodes.add(DynamicTest.dynamicTest("every row has a request", () -> assertThat(withoutRequest)
                .as("rows with no request in MatrixRequests").isEmpty()));

        int cells = 0;
        int notApplicable = 0;
        for (String operation : contract) {
            Map<Caller, Map<Scope, Expected>> row = matrix.rows().get(operation);
            if (row == null || !requests.operations().contains(operation)) {
                continue;
            }
            List<DynamicTest> tests = new ArrayList<>();
            for (Caller caller : Caller.values()) {
                for (Scope scope : Scope.values()) {
                    Expected expected = row.get(caller).get(scope);
                    if (expected == null) {
                        notApplicable++;
                        continue;
                    }
                    cells++;
                    String name = caller + " " + scope.name().toLowerCase() + " -> " + expected;
                    tests.add(DynamicTest.dynamicTest(name, () -> holds(world, operation, caller, scope, expected,
                            requests.call(operation, caller, scope))));
                }
            }
            nodes.add(DynamicContainer.dynamicContainer(operation, tests));
        }
        System.out.printf("region matrix: %d operations x %d callers x %d scopes = %d cells; %d not applicable "
                        + "(the operation only addresses the caller), %d run%n",
                contract.size(), Caller.values().length, Scope.values().length,
                contract.size() * Caller.values().length * Scope.values().length, notApplicable, cells);
        return nodes.stream();
    }

    private void holds(MatrixWorld world, String operation, Caller caller, Scope scope, Expected expected, Call call) {
        String bearer = world.bearerOf(caller);
        String what = operation + " as " + caller + " on the " + scope.name().toLowerCase() + " scope (" + call.method() + " " + call.uri() + ")";
        if (call.stream()) {
            FluxExchangeResult<String> result = request(call, bearer, call.uri()).accept(MediaType.TEXT_EVENT_STREAM)
                    .exchange().returnResult(String.class);
            int status = result.getStatus().value();
            // The stream never ends by itself: the status is all this cell is about.
            result.getResponseBody().subscribe().dispose();
            assertThat(status).as(what).isEqualTo(expected.status());
            return;
        }
        EntityExchangeResult<byte[]> result = send(call, bearer, call.uri());
        String body = text(result);
        assertThat(result.getStatus().value()).as("%s answered %s", what, body).isEqualTo(expected.status());
        if (expected.shows() == Shows.ANY) {
            return;
        }
        boolean shown = call.marker() != null ? listShows(call, bearer, body) : call.shows().test(json.readTree(body));
        assertThat(shown).as("%s shows the %s fixture (answer: %s)", what, scope.name().toLowerCase(), body)
                .isEqualTo(expected.shows() == Shows.YES);
    }

    /** Whether the list holds the marker on any of its pages. */
    private boolean listShows(Call call, @Nullable String bearer, String firstPage) {
        String page = firstPage;
        for (int pages = 1; pages <= MAX_PAGES; pages++) {
            if (page.contains(call.marker())) {
                return true;
            }
            JsonNode list = json.readTree(page);
            String next = list.isObject() ? (list.hasNonNull("nextCursor") ? list.get("nextCursor").asString()
                    : list.hasNonNull("next") ? list.get("next").asString() : null) : null;
            if (next == null) {
                return false;
            }
            EntityExchangeResult<byte[]> result = send(call, bearer, call.uri() + "&cursor={cursor}", next);
            assertThat(result.getStatus().value()).as("page %d of %s", pages + 1, call.uri()).isEqualTo(200);
            page = text(result);
        }
        throw new AssertionError(call.uri() + " has more than " + MAX_PAGES + " pages");
    }

    private EntityExchangeResult<byte[]> send(Call call, @Nullable String bearer, String uri, Object... variables) {
        WebTestClient.RequestBodySpec request = request(call, bearer, uri, variables);
        if (call.body() != null) {
            request.contentType(call.contentType()).bodyValue(call.body());
        }
        return request.exchange().expectBody().returnResult();
    }

    private WebTestClient.RequestBodySpec request(Call call, @Nullable String bearer, String uri, Object... variables) {
        // Lists of a whole county (the ledger) outgrow the client's 64 KB buffer once the suite has filed thousands of reports.
        WebTestClient.RequestBodySpec request = web.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build()
                .method(call.method()).uri(uri, variables);
        if (bearer != null) {
            request.header(HttpHeaders.AUTHORIZATION, bearer);
        }
        call.headers().forEach(request::header);
        return request;
    }

    private static String text(EntityExchangeResult<byte[]> result) {
        byte[] body = result.getResponseBody();
        return body == null ? "" : new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** "METHOD path" of every operation of the contract, sorted. */
    static List<String> operationsOf(JsonNode contract) {
        Set<String> operations = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : contract.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (METHODS.contains(operation.getKey())) {
                    operations.add(operation.getKey().toUpperCase() + " " + path.getKey());
                }
            }
        }
        return new ArrayList<>(operations);
    }
}
