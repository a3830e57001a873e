package org.aidline.api.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The schema rule fails on each kind of violation it exists for, and passes what is allowed. */
class SchemaOwnershipSelfTests {

    private static final List<String> ORDER = List.of("first", "second");

    private static final List<SchemaOwnership.Source> MIGRATIONS = List.of(
            new SchemaOwnership.Source("first", "first/V1.sql", """
                    create table case_file (id uuid primary key);
                    -- a published view
                    create view case_file_view as select * from case_file;
                    """),
            new SchemaOwnership.Source("second", "second/V1.sql", """
                    create table errand (id uuid primary key, case_id uuid);
                    create view errand_view as select * from errand;
                    """));

    private final SchemaOwnership ownership = new SchemaOwnership(ORDER, MIGRATIONS);

    @Test
    void readingAnEarlierModulesPublishedViewIsAllowed() {
        assertThat(ownership.violations(List.of(source("second", "select e.id from errand e join case_file_view c on c.id = e.case_id"))))
                .isEmpty();
    }

    @Test
    void readingAnotherModulesTableFails() {
        assertThat(ownership.violations(List.of(source("second", "select * from errand e join case_file c on c.id = e.case_id"))))
                .singleElement().asString().contains("reads first's table case_file");
    }

    @Test
    void readingALaterModulesViewFails() {
        assertThat(ownership.violations(List.of(source("first", "select * from errand_view"))))
                .singleElement().asString().contains("a view of a later module");
    }

    @Test
    void aTriggerOnAnotherModulesTableFails() {
        assertThat(ownership.violations(List.of(source("second",
                "create trigger case_file_opens_errand after insert on case_file for each row execute function open_errand();"))))
                .singleElement().asString().contains("triggers on first's table case_file");
    }

    @Test
    void alteringIndexingOrWritingAnotherModulesObjectsFails() {
        assertThat(ownership.violations(List.of(
                source("second", "alter table case_file add column phone text"),
                source("second", "create index case_file_phone on first.case_file (id)"),
                source("second", "insert into case_file_view (id) values (gen_random_uuid())"),
                source("second", "update case_file set id = id"))))
                .hasSize(4);
    }

    @Test
    void sqlInJavaTextBlocksAndStringsIsScannedButCommentsAreNot() {
        String java = """
                class Errands {
                    // joins errand with case_file, says the comment: not SQL
                    static final String A = \"""
                            select * from case_file
                            \""";
                    static final String B = "select * from " + "errand join case_file on true";
                }
                """;
        assertThat(ownership.violations(List.of(source("second", SchemaOwnership.sqlOf(java))))).hasSize(1);
    }

    @Test
    void twoModulesCreatingOneNameIsADuplicate() {
        List<SchemaOwnership.Source> clash = List.of(MIGRATIONS.get(0), source("second", "create table case_file (id uuid)"));

        assertThat(new SchemaOwnership(ORDER, clash).duplicates(clash)).singleElement().asString().contains("case_file");
    }

    private static SchemaOwnership.Source source(String module, String sql) {
        return new SchemaOwnership.Source(module, "fixture", sql);
    }
}
