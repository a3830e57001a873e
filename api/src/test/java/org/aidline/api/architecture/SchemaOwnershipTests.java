package org.aidline.api.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each module owns its tables: the owner of every table, view and function is the module whose
 * migrations create it, and no module's SQL (migrations, and text in its main Java sources)
 * reads another module's tables, or writes, alters, indexes or triggers on anything of another's.
 */
class SchemaOwnershipTests {

    /** The tests run in api/; the modules are its siblings. */
    static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyModuleNamesOnlyItsOwnTablesAndTheViewsPublishedBeforeIt() {
        SchemaOwnership ownership = new SchemaOwnership(ModuleRules.ORDER, migrations());
        List<SchemaOwnership.Source> sql = new ArrayList<>(migrations());
        sql.addAll(javaSql());

        assertThat(ownership.violations(sql)).isEmpty();
    }

    @Test
    void everyTableAndViewHasExactlyOneOwner() {
        SchemaOwnership ownership = new SchemaOwnership(ModuleRules.ORDER, migrations());

        assertThat(ownership.duplicates(migrations())).isEmpty();
        // Spot checks that the map is read at all: a table of each module with tables.
        assertThat(ownership.owners().get("report").module()).isEqualTo("intake");
        assertThat(ownership.owners().get("coordinator_task").module()).isEqualTo("notification");
        assertThat(ownership.owners().get("idempotency_receipt").module()).isEqualTo("api");
        assertThat(ownership.owners().get("task_assignment_view").kind()).isEqualTo("view");
    }

    static List<SchemaOwnership.Source> migrations() {
        List<SchemaOwnership.Source> sources = new ArrayList<>();
        for (String module : ModuleRules.ORDER) {
            Path folder = PROJECT.resolve(module).resolve("src/main/resources/db").resolve(module);
            files(folder, ".sql").forEach(file -> sources.add(new SchemaOwnership.Source(module, PROJECT.relativize(file).toString(), read(file))));
        }
        assertThat(sources).as("migrations found under " + PROJECT).hasSizeGreaterThan(10);
        return sources;
    }

    static List<SchemaOwnership.Source> javaSql() {
        List<SchemaOwnership.Source> sources = new ArrayList<>();
        for (String module : ModuleRules.ORDER) {
            files(PROJECT.resolve(module).resolve("src/main/java"), ".java").forEach(file -> sources.add(
                    new SchemaOwnership.Source(module, PROJECT.relativize(file).toString(), SchemaOwnership.sqlOf(read(file)))));
        }
        assertThat(sources).as("Java sources found under " + PROJECT).hasSizeGreaterThan(100);
        return sources;
    }

    private static List<Path> files(Path folder, String suffix) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(path -> path.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
