package org.aidline.registry.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.aidline.intake.money.Money;
import org.aidline.intake.region.VillageCode;
import org.aidline.intake.report.ResidentId;
import org.aidline.registry.EnrolmentStatus;
import org.aidline.registry.Programme;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

class BatchCutTests {

    static final List<String> IDS = List.of("640104194001010015", "640104194001010023", "640104194001010031", "64010419400101004X",
            "640104194001010058", "640104194001010066", "640104194001010074");

    @Test
    void aBatchEndsAtItsSizeButNotInsideAHousehold() {
        // Households A (rows 1-3) and B (rows 4-6), then a person of their own: batches of two rows.
        List<List<Long>> batches = batches(2, row(1, "A"), row(2, "A"), row(3, "A"), row(4, "B"), row(5, "B"), row(6, null), row(7, null));

        assertThat(batches).containsExactly(List.of(1L, 2L, 3L), List.of(4L, 5L), List.of(6L, 7L));
    }

    @Test
    void aHouseholdLongerThanTwoBatchesIsCutAnyway() {
        List<List<Long>> batches = batches(2, row(1, "A"), row(2, "A"), row(3, "A"), row(4, "A"), row(5, "A"));

        assertThat(batches).containsExactly(List.of(1L, 2L, 3L, 4L), List.of(5L));
    }

    @Test
    void aRefusedRowBelongsToNoHousehold() {
        ImportRows.Checked refused = new ImportRows.Checked(3, null, List.of(new RowError(3, "idNumber", "is required")));

        assertThat(batches(2, row(1, "A"), row(2, "A"), refused, row(4, "A"))).containsExactly(List.of(1L, 2L), List.of(3L, 4L));
    }

    private static List<List<Long>> batches(int size, ImportRows.Checked... rows) {
        return Flux.just(rows).bufferUntil(new BatchCut(size), true).map(batch -> batch.stream().map(ImportRows.Checked::row).toList())
                .collectList().block();
    }

    private static ImportRows.Checked row(long row, @Nullable String household) {
        return new ImportRows.Checked(row, new ImportRow(row, new ResidentId(IDS.get((int) row - 1)), "马建国", new VillageCode("640104001001"),
                Programme.MINIMUM_LIVING, Money.ofFen(78_000), null, EnrolmentStatus.ACTIVE, null, household), List.of());
    }
}
