package org.aidline.registry.importing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Mono;

/** The imports and what they write, as the registry keeps them. */
public interface RegistryImports {

    /** Records the import as RUNNING; fails with {@link ImportIdTaken} when an import has this id already. */
    Mono<Void> start(RegistryImport started);

    /**
     * Writes a batch in one transaction: households, members and enrolments upserted (what is as sent
     * is left alone), a history row for each enrolment made or changed, the import's counts and errors.
     * {@code today}: the start of a new enrolment sent without one, the end of one sent as ENDED.
     */
    Mono<BatchOutcome> apply(ImportId id, ImportBatch batch, String by, Instant at, LocalDate today);

    /** Ends the import: COMPLETED, or FAILED with why. */
    Mono<Void> finish(ImportId id, ImportStatus status, @org.jspecify.annotations.Nullable String failure, Instant at);

    Mono<RegistryImport> find(ImportId id);

    /** The county of each known village among these codes (intake's village directory); unknown codes are absent. */
    Mono<Map<String, String>> countiesOf(Set<String> villageCodes);
}
