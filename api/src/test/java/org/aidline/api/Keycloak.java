package org.aidline.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Keycloak for the integration tests: the server distribution that the build unpacks into
 * {@code target/} (maven-dependency-plugin, before Failsafe), started with {@code start-dev} and a
 * realm file imported, on free ports, under a JDK 21 or newer found on the machine. Missing
 * either, it fails saying what is missing: a skipped identity test would look like a passing one.
 */
final class Keycloak implements AutoCloseable {

    /** The unpacked distribution (set by Failsafe, see api/pom.xml). */
    static final String HOME_PROPERTY = "aidline.keycloak.home";
    /** A JDK 21+ to run it with, when the machine's are not where {@link #javaHome()} looks. */
    static final String JAVA_HOME_PROPERTY = "aidline.keycloak.java-home";

    static final String ADMIN = "it-admin";
    static final String ADMIN_PASSWORD = "it-admin-password";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final int port;
    private final int managementPort;
    private final Path log;
    private final long startedAt;

    private Keycloak(Process process, int port, int managementPort, Path log, long startedAt) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
        this.startedAt = startedAt;
    }

    /**
     * Starts Keycloak on a fresh H2 database with {@code realm} imported; {@code environment} is
     * what the realm's {@code ${...}} placeholders read. Returns at once: {@link #awaitReady}.
     */
    static Keycloak start(Path realm, Map<String, String> environment) throws IOException {
        Path home = home();
        Path java = javaHome();
        // Each run imports into an empty database: a realm left by an earlier run would hide a broken import.
        Path data = home.resolve("data");
        deleteRecursively(data);
        Files.createDirectories(data.resolve("import"));
        Files.copy(realm, data.resolve("import").resolve(realm.getFileName()));
        int port = CrashIT.freePort();
        int managementPort = CrashIT.freePort();
        Path log = home.getParent().resolve("keycloak-it.log");
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin").resolve("kc.sh").toString(), "start-dev", "--import-realm",
                "--http-port=" + port, "--http-management-port=" + managementPort, "--health-enabled=true")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("JAVA_HOME", java.toString());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // Keycloak sizes its heap at 70 % of the machine's memory by default; the build machines are shared.
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        long startedAt = System.nanoTime();
        return new Keycloak(builder.start(), port, managementPort, log, startedAt);
    }

    /** Waits until Keycloak answers ready (realm imported); returns how long it took since start. */
    Duration awaitReady(Duration atMost) {
        await("Keycloak ready (its log: " + log + ")").atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                fail("Keycloak stopped (exit " + process.exitValue() + "); its log: " + log + "\n" + tail());
            }
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    String issuer() {
        return "http://localhost:" + port + "/realms/aidline";
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A token endpoint answer: the form is sent as {@code application/x-www-form-urlencoded}. */
    HttpResponse<String> token(Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The access token of a successful token request. */
    String accessToken(Map<String, String> form) throws Exception {
        HttpResponse<String> answer = token(form);
        assertThat(answer.statusCode()).as("token request %s: %s", form.get("grant_type"), answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).get("access_token").asString();
    }

    /** The admin REST API of the realm, as the bootstrap administrator. */
    Admin admin() {
        return new Admin();
    }

    /** Calls to {@code /admin/realms/aidline}, each with a token of its own (the master realm's live a minute). */
    final class Admin {

        private Admin() {
        }

        JsonNode get(String path) throws Exception {
            HttpResponse<String> answer = HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("GET %s: %s", path, answer.body()).isEqualTo(200);
            return JSON.readTree(answer.body());
        }

        /** Creates what {@code body} describes; the new object's id (from Location) when there is one. */
        String post(String path, Object body) throws Exception {
            HttpResponse<String> answer = HTTP.send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("POST %s: %s", path, answer.body()).isIn(201, 204);
            Optional<String> location = answer.headers().firstValue("Location");
            return location.map(value -> value.substring(value.lastIndexOf('/') + 1)).orElse(null);
        }

        private HttpRequest.Builder request(String path) throws Exception {
            String token = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(url("/realms/master/protocol/openid-connect/token")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=" + ADMIN
                            + "&password=" + ADMIN_PASSWORD)).build(), HttpResponse.BodyHandlers.ofString()).body()).get("access_token").asString();
            return HttpRequest.newBuilder(URI.create(url("/admin/realms/aidline" + path))).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token);
        }
    }

    /** Stops Keycloak and whatever kc.sh started (it runs the server in a JVM of its own). */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException slow) {
                handle.destroyForcibly();
            }
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static Path home() {
        String configured = System.getProperty(HOME_PROPERTY);
        if (configured == null) {
            fail("No Keycloak distribution: -D" + HOME_PROPERTY + " is not set. Run this test through Maven (`./mvnw verify`), "
                    + "which unpacks org.keycloak:keycloak-quarkus-dist into api/target/keycloak before the integration tests.");
        }
        Path home = Path.of(configured);
        if (!Files.isExecutable(home.resolve("bin").resolve("kc.sh"))) {
            fail("No Keycloak distribution at " + home + " (bin/kc.sh missing): the build unpacks org.keycloak:keycloak-quarkus-dist "
                    + "there in pre-integration-test; was it fetched from Maven Central?");
        }
        return home;
    }

    /**
     * A JDK 21 or newer for Keycloak 26 (the service itself runs on 17): the one named by
     * {@value #JAVA_HOME_PROPERTY}, else JAVA_HOME or this JVM when new enough, else the newest
     * under /usr/lib/jvm.
     */
    static Path javaHome() throws IOException {
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getProperty(JAVA_HOME_PROPERTY)).map(Path::of).ifPresent(candidates::add);
        Optional.ofNullable(System.getenv("JAVA_HOME")).map(Path::of).ifPresent(candidates::add);
        candidates.add(Path.of(System.getProperty("java.home")));
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> installed = Files.list(jvms)) {
                installed.sorted(Comparator.comparingInt(Keycloak::javaMajor).reversed()).forEach(candidates::add);
            }
        }
        return candidates.stream().filter(home -> javaMajor(home) >= 21).findFirst().orElseThrow(() -> new AssertionError(
                "Keycloak 26 needs a JDK 21 or newer and none was found (looked at " + candidates + "). Install one under /usr/lib/jvm "
                        + "or pass -D" + JAVA_HOME_PROPERTY + "=<its home>."));
    }

    /** The feature release of the JDK at {@code home} from its {@code release} file, 0 when it is none. */
    private static int javaMajor(Path home) {
        Path release = home.resolve("release");
        if (!Files.isExecutable(home.resolve("bin").resolve("java")) || !Files.isRegularFile(release)) {
            return 0;
        }
        try {
            Matcher version = Pattern.compile("JAVA_VERSION=\"(\\d+)(?:\\.(\\d+))?").matcher(Files.readString(release));
            if (!version.find()) {
                return 0;
            }
            int first = Integer.parseInt(version.group(1));
            return first == 1 && version.group(2) != null ? Integer.parseInt(version.group(2)) : first;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
