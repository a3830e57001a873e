package org.aidline.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.Tokens;
import org.aidline.intake.access.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Contract-driven fuzzing: every operation of the committed OpenAPI contract, called with what a
 * careless or hostile client sends (wrong types, missing and extra fields, huge and odd strings,
 * NULs, bad path, query and header values, every role and bad tokens). No answer may be a 5xx,
 * every refusal must be problem+json, and none may come later than the request's budget.
 * {@code -Daidline.fuzz.seed=N} replays a run (the seed is printed), {@code -Daidline.fuzz.cases=N}
 * sets its size.
 */
@IntegrationTest
@TestPropertySource(properties = {"aidline.rate-limit.per-subject=10000000", "aidline.rate-limit.per-address=10000000"})
class ContractFuzzTests {

    private static final Path CONTRACT = Path.of("..", "openapi", "aidline-v1.json");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    // The live stream stays open by design: it has no answer to time or judge.
    private static final String LIVE_STREAM = "/api/v1/coordinator/tasks/stream";
    private static final String[] ODD_STRINGS = {"", " ", "\u0000", "a\u0000b", "%00", "../../etc/passwd", "' or 1=1 --", "\u202e\u0644\u0627",
        "😀😀", "\uFFFF", "\\", "\"", "null", "-1", "9999999999999999999999", "NaN", "1e309", "<script>x</script>", "%2F%2e%2e",
        "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "2026-13-45T25:61:61Z", "640104", "640104001001", "11010519491231002X",
        "cl\u00e9-\u00ff\u00fe"};

    @LocalServerPort
    int port;

    @Autowired
    Tokens tokens;

    private JsonNode contract;
    private Random random;

    @Test
    void noInputMakesTheServiceFailAnswerWithoutAProblemOrRunPastItsBudget() throws Exception {
        long seed = Long.getLong("aidline.fuzz.seed", System.nanoTime());
        int cases = Integer.getInteger("aidline.fuzz.cases", 10_000);
        System.out.printf("Contract fuzzing: %d cases, seed %d (replay with -Daidline.fuzz.seed=%d)%n", cases, seed, seed);
        random = new Random(seed);
        contract = JsonMapper.builder().build().readTree(Files.readString(CONTRACT));
        List<Operation> operations = operations();
        List<String> callers = callers();
        // Exports of a full test database run to megabytes: read them whole.
        WebTestClient web = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(130))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(256 * 1024 * 1024)).build();

        List<String> failures = new ArrayList<>();
        int[] byClass = new int[6];
        int unsent = 0;
        for (int n = 0; n < cases; n++) {
            Operation operation = operations.get(random.nextInt(operations.size()));
            Request request = request(operation, callers.get(random.nextInt(callers.size())));
            long started = System.nanoTime();
            EntityExchangeResult<byte[]> answer;
            try {
                answer = send(web, request);
            } catch (WebClientRequestException refused) {
                // The client itself would not send it (a header value it finds invalid): not a case.
                unsent++;
                continue;
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            int status = answer.getStatus().value();
            byClass[status / 100]++;
            String type = String.valueOf(answer.getResponseHeaders().getContentType());
            String problem = status >= 500 ? "answered " + status
                    : status >= 400 && !type.startsWith("application/problem+json") ? "answered " + status + " as " + type
                    : took.compareTo(budget(request).plusSeconds(1)) > 0 ? "took " + took.toMillis() + " ms"
                    : null;
            if (problem != null && failures.size() < 50) {
                failures.add("case " + n + ": " + problem + " for " + request + " -> "
                        + new String(answer.getResponseBodyContent() == null ? new byte[0] : answer.getResponseBodyContent(),
                                StandardCharsets.UTF_8).lines().findFirst().orElse(""));
            }
        }
        System.out.printf("Contract fuzzing: 2xx %d, 3xx %d, 4xx %d, 5xx %d, not sent by the client %d; failures %d%n", byClass[2],
                byClass[3], byClass[4], byClass[5], unsent, failures.size());
        assertThat(unsent).as("cases the client would not send").isLessThan(cases / 20);
        assertThat(failures).as("seed %d", seed).isEmpty();
    }

    private record Operation(HttpMethod method, String path, JsonNode spec) {
    }

    private record Request(HttpMethod method, String uri, String authorization, Map<String, String> headers, String contentType,
            String body) {

        @Override
        public String toString() {
            String shown = body == null ? "" : " body " + (body.length() > 300 ? body.substring(0, 300) + "... (" + body.length() + ")" : body);
            return method + " " + (uri.length() > 300 ? uri.substring(0, 300) + "..." : uri) + " as " + authorization + " " + headers
                    + shown;
        }
    }

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : contract.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (!path.getKey().equals(LIVE_STREAM)) {
                    operations.add(new Operation(HttpMethod.valueOf(method.getKey().toUpperCase()), path.getKey(), method.getValue()));
                }
            }
        }
        assertThat(operations).hasSizeGreaterThan(40);
        return operations;
    }

    private List<String> callers() {
        List<String> callers = new ArrayList<>(List.of("", "Bearer ", "Bearer not.a.token", "Basic dXNlcjpwYXNz", "Bearer " + "x".repeat(3000)));
        callers.add(tokens.newCitizen().bearer());
        callers.add(tokens.newCitizen().bearer());
        for (Role role : Role.values()) {
            callers.add(tokens.staff(role, "640104").bearer());
        }
        callers.add(tokens.staff(Role.SUPERVISOR, "640202").bearer());
        callers.add(tokens.staff(Role.COORDINATOR, "640104001001").bearer());
        callers.add(tokens.staff(Role.SUPERVISOR, "640000").bearer());
        return callers;
    }

    private Request request(Operation operation, String authorization) {
        String path = operation.path();
        StringBuilder query = new StringBuilder();
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (JsonNode declared : iterable(operation.spec().get("parameters"))) {
            // A parameter every operation shares (X-Request-Id) is declared once under components and referred to.
            JsonNode parameter = declared.has("$ref") ? contract.at(declared.get("$ref").asString().substring(1)) : declared;
            String name = parameter.get("name").asString();
            String in = parameter.get("in").asString();
            JsonNode schema = parameter.path("schema");
            String value = oneIn(4) ? odd() : String.valueOf(plausible(schema, name));
            switch (in) {
                case "path" -> path = path.replace("{" + name + "}", encode(oneIn(20) ? "a".repeat(5_000) : value));
                case "query" -> {
                    if (!oneIn(3)) {
                        query.append(query.isEmpty() ? "?" : "&").append(encode(oneIn(30) ? odd() : name)).append('=').append(encode(value));
                    }
                }
                case "header" -> headers.put(name, headerSafe(value));
                default -> {
                }
            }
        }
        if (oneIn(8)) {
            query.append(query.isEmpty() ? "?" : "&").append("unknown=").append(encode(odd()));
        }
        if (oneIn(6)) {
            headers.put("Accept-Language", headerSafe(pick("-", "*", "zh-CN;q=2", "en;q=abc", ",,,", "x".repeat(300), "zh")));
        }
        if (oneIn(10)) {
            headers.put("Accept", pick("text/html", "application/xml", "*/*", "application/json;q=0", "nonsense"));
        }
        if (operation.path().endsWith("/reports") && operation.method() == HttpMethod.POST && !oneIn(5)) {
            headers.put("Idempotency-Key", oneIn(4) ? headerSafe(odd()) : UUID.randomUUID().toString());
        }
        String contentType = null;
        String body = null;
        JsonNode content = operation.spec().path("requestBody").path("content");
        if (!content.isMissingNode() && !content.isEmpty()) {
            Map.Entry<String, JsonNode> media = content.properties().iterator().next();
            contentType = oneIn(15) ? pick("text/plain", "application/xml", "application/json; charset=latin1", "multipart/form-data")
                    : media.getKey();
            body = media.getKey().equals("text/csv") ? csv() : json(media.getValue().path("schema"));
        } else if (oneIn(10)) {
            contentType = "application/json";
            body = "{\"unexpected\":true}";
        }
        return new Request(operation.method(), path + query, authorization, headers, contentType, body);
    }

    private String json(JsonNode schema) {
        JsonNode value = plausible(schema, "body");
        int mutation = random.nextInt(10);
        return switch (mutation) {
            case 0 -> pick("", "{", "[]", "null", "\"text\"", "{\"a\":", "[".repeat(2_000), "{\"a\":1}".repeat(3), "\u0000");
            case 1, 2 -> mutate(value).toString();
            case 3 -> {
                // Every field mutated at once.
                JsonNode mutated = value;
                for (int i = 0; i < 5; i++) {
                    mutated = mutate(mutated);
                }
                yield mutated.toString();
            }
            default -> value.toString();
        };
    }

    /** One field (anywhere) changed: wrong type, removed, odd or huge string, or an extra field. */
    private JsonNode mutate(JsonNode value) {
        if (!(value instanceof ObjectNode object) || object.isEmpty()) {
            return wrongType();
        }
        ObjectNode copy = object.deepCopy();
        List<String> names = new ArrayList<>(copy.propertyNames());
        String name = names.get(random.nextInt(names.size()));
        switch (random.nextInt(6)) {
            case 0 -> copy.remove(name);
            case 1 -> copy.set(name, wrongType());
            case 2 -> copy.put(name, odd());
            case 3 -> copy.put(name, "长".repeat(pick(300, 5_000, 200_000)));
            case 4 -> copy.put("unexpected_" + random.nextInt(100), odd());
            default -> copy.set(name, mutate(copy.get(name)));
        }
        return copy;
    }

    private JsonNode wrongType() {
        return switch (random.nextInt(7)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.numberNode(random.nextBoolean() ? -1 : Long.MAX_VALUE);
            case 2 -> NODES.numberNode(1e308);
            case 3 -> NODES.booleanNode(true);
            case 4 -> NODES.arrayNode().add(NODES.nullNode());
            case 5 -> NODES.objectNode().put("x", 1);
            default -> NODES.stringNode(odd());
        };
    }

    /** A value the schema would accept, as far as its examples, enums, formats and bounds tell. */
    private JsonNode plausible(JsonNode schema, String name) {
        if (schema.has("$ref")) {
            String[] ref = schema.get("$ref").asString().split("/");
            return plausible(contract.path("components").path("schemas").path(ref[ref.length - 1]), name);
        }
        if (schema.has("example") && !oneIn(3)) {
            return schema.get("example");
        }
        if (schema.has("enum")) {
            JsonNode values = schema.get("enum");
            return values.get(random.nextInt(values.size()));
        }
        String type = schema.path("type").asString("object");
        String format = schema.path("format").asString("");
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                    object.set(property.getKey(), plausible(property.getValue(), property.getKey()));
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(3); i > 0; i--) {
                    array.add(plausible(schema.path("items"), name));
                }
                yield array;
            }
            case "integer", "number" -> NODES.numberNode(schema.has("minimum") ? schema.get("minimum").asLong() + random.nextInt(3)
                    : random.nextInt(100));
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            default -> NODES.stringNode(switch (format) {
                case "date-time" -> pick("2026-11-01T00:00:00Z", "2026-12-01T08:00:00+08:00", "1970-01-01T00:00:00Z");
                case "uuid" -> UUID.randomUUID().toString();
                case "date" -> "2026-11-30";
                default -> name.toLowerCase().contains("id") ? UUID.randomUUID().toString() : "测试 " + random.nextInt(1000);
            });
        };
    }

    private String csv() {
        return pick("", "reference,reason\n", "a,b,c\n1,2,3\n", "\u0000,\u0000\n", "name,idNumber\n张三,11010519491231002X\n",
                "x".repeat(10_000), "\"unterminated\n");
    }

    private EntityExchangeResult<byte[]> send(WebTestClient web, Request request) {
        WebTestClient.RequestBodySpec spec = web.method(request.method()).uri(URI.create("http://localhost:" + port + request.uri()));
        if (!request.authorization().isEmpty()) {
            spec.header("Authorization", request.authorization());
        }
        request.headers().forEach(spec::header);
        WebTestClient.RequestHeadersSpec<?> ready = spec;
        if (request.body() != null) {
            ready = spec.contentType(MediaType.parseMediaType(request.contentType())).bodyValue(request.body().getBytes(StandardCharsets.UTF_8));
        }
        return ready.exchange().expectBody().returnResult();
    }

    private Duration budget(Request request) {
        String path = request.uri().split("\\?")[0];
        if (request.method() == HttpMethod.POST && (path.equals("/api/v1/reports") || path.equals("/api/v1/hotline/reports"))) {
            return Duration.ofSeconds(5);
        }
        if (path.startsWith("/api/v1/exports/") || path.equals("/api/v1/monitoring/flags")) {
            return Duration.ofSeconds(120);
        }
        return Duration.ofSeconds(10);
    }

    private String odd() {
        return ODD_STRINGS[random.nextInt(ODD_STRINGS.length)];
    }

    /** Headers carry Latin-1 without control characters (the client refuses others); non-ASCII bytes stay. */
    private static String headerSafe(String value) {
        return value.replaceAll("[^\\x20-\\x7E\\xA0-\\xFF]", "?");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private boolean oneIn(int n) {
        return random.nextInt(n) == 0;
    }

    @SafeVarargs
    private <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    private static Iterable<JsonNode> iterable(JsonNode array) {
        return array == null ? List.of() : () -> {
            Iterator<JsonNode> values = array.values().iterator();
            return values;
        };
    }
}
