package org.aidline.registry.importing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.aidline.intake.access.Actor;
import org.aidline.intake.access.Role;
import org.aidline.intake.personaldata.PersonalDataProtector;
import org.aidline.intake.personaldata.ProtectedName;
import org.aidline.intake.personaldata.ProtectedResidentId;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs an import as its rows arrive: checked one by one, gathered into batches, each batch sealed
 * while those before it are written and written in one statement, two at a time (the body is read
 * only as fast as it is written, so memory stays flat whatever the file's size), and the import's
 * row brought up to date with each batch, so another request can watch it. The registry feed
 * imports province-wide; a supervisor only the villages of their region, other rows being refused
 * one by one.
 */
public final class Importer {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final HexFormat HEX = HexFormat.of();

    private final RegistryImports imports;
    private final PersonalDataProtector protector;
    private final Clock clock;
    private final ImportSettings settings;

    public Importer(RegistryImports imports, PersonalDataProtector protector, Clock clock, ImportSettings settings) {
        this.imports = imports;
        this.protector = protector;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * The import's progress: RUNNING at once (so the client learns the id before the first batch),
     * after each batch, then COMPLETED. A failure marks the import FAILED and is passed on; so does
     * a client that goes away (cancel), since the rows it did not send were never read.
     */
    public Flux<RegistryImport> run(ImportId id, Flux<RawRow> rows, Actor actor) {
        if (!mayImport(actor)) {
            return Flux.error(new ImportForbidden());
        }
        return Flux.defer(() -> {
            String region = actor.has(Role.REGISTRY_FEED) ? null : actor.region().code();
            ImportTally tally = new ImportTally(id, region, actor.subject(), now(), settings.maxErrors());
            RegistryImport started = tally.snapshot(ImportStatus.RUNNING, null, null);
            Map<String, String> counties = new ConcurrentHashMap<>();
            BatchWrites<Written> writes = new BatchWrites<>(batch -> imports.apply(id, batch, tally.startedBy(), now(), today())
                    .map(outcome -> new Written(batch, outcome)));
            Flux<RegistryImport> batches = rows.map(ImportRows::check)
                    .bufferUntil(new BatchCut(settings.batchSize()), true)
                    // A batch is sealed (encrypted, hashed: CPU work, off the event loop) while those before it are written, and
                    // written beside them (on connections of their own) unless it shares a household or person with one; each
                    // stage holds a batch or two, so memory stays flat whatever the file's size.
                    .concatMap(batch -> seal(batch, region == null ? null : actor, counties), 1)
                    // The tally decides here, in file order, which refused rows still fit in the import's list.
                    .map(sealed -> writes.next(tally.listed(sealed.batch()), sealed.keys()))
                    .flatMapSequential(write -> write, settings.concurrency(), 1)
                    .map(written -> {
                        tally.add(written.batch(), written.outcome());
                        return tally.snapshot(ImportStatus.RUNNING, null, null);
                    });
            Mono<RegistryImport> completed = Mono.defer(() -> {
                Instant at = now();
                return imports.finish(id, ImportStatus.COMPLETED, null, at).thenReturn(tally.snapshot(ImportStatus.COMPLETED, at, null));
            });
            Flux<RegistryImport> afterStart = Flux.concat(batches, completed)
                    .onErrorResume(failure -> imports.finish(id, ImportStatus.FAILED, reason(failure), now()).then(Mono.error(failure)))
                    .doOnCancel(() -> imports.finish(id, ImportStatus.FAILED, "The upload stopped before its end; the rows read were written.",
                            now()).onErrorComplete().subscribe());
            return imports.start(started).thenMany(Flux.concat(Mono.just(started), afterStart));
        });
    }

    /** The import, if this actor may see it: the feed sees every import, a supervisor those of their region (404 otherwise). */
    public Mono<RegistryImport> find(ImportId id, Actor actor) {
        return imports.find(id).filter(found -> visibleTo(found, actor));
    }

    public static boolean mayImport(Actor actor) {
        return actor.has(Role.REGISTRY_FEED) || (actor.has(Role.SUPERVISOR) && actor.region() != null);
    }

    static boolean visibleTo(RegistryImport found, Actor actor) {
        if (actor.has(Role.REGISTRY_FEED)) {
            return true;
        }
        return actor.has(Role.SUPERVISOR) && actor.region() != null && found.regionCode() != null
                && found.regionCode().startsWith(actor.region().prefix());
    }

    /**
     * The batch ready to write, its refused rows in order. {@code supervisor}: the actor whose region limits the rows, or
     * null for the province-wide feed; {@code counties}: the import's villages so far, so that only a village not seen yet
     * costs a round trip (a province has a few thousand).
     */
    private Mono<Sealed> seal(List<ImportRows.Checked> batch, @Nullable Actor supervisor, Map<String, String> counties) {
        List<RowError> errors = new ArrayList<>();
        List<ImportRow> candidates = new ArrayList<>(batch.size());
        for (ImportRows.Checked checked : batch) {
            ImportRow row = checked.good();
            if (row == null) {
                errors.addAll(checked.errors());
            } else if (supervisor != null && !supervisor.worksIn(row.village(), Role.SUPERVISOR)) {
                errors.add(new RowError(row.row(), "villageCode", "is outside the region you work in"));
            } else {
                candidates.add(row);
            }
        }
        Set<String> unseen = candidates.stream().map(row -> row.village().value()).filter(village -> !counties.containsKey(village))
                .collect(Collectors.toSet());
        Mono<Map<String, String>> known = unseen.isEmpty() ? Mono.just(counties) : imports.countiesOf(unseen).map(found -> {
            // An unknown village is remembered as such (blank), so that its rows do not ask again.
            unseen.forEach(village -> counties.put(village, found.getOrDefault(village, "")));
            return counties;
        });
        return known
                // Encrypting a few thousand names and ID numbers is CPU work: off the event loop that delivered the rows.
                .publishOn(Schedulers.parallel())
                .map(directory -> new Sealed(seal(batch.size(), candidates, directory, errors), keys(candidates)));
    }

    private ImportBatch seal(int read, List<ImportRow> candidates, Map<String, String> counties, List<RowError> errors) {
        List<SealedRow> sealed = new ArrayList<>(candidates.size());
        for (ImportRow row : candidates) {
            String county = counties.get(row.village().value());
            if (county == null || county.isEmpty()) {
                errors.add(new RowError(row.row(), "villageCode", "is not the code of a known village"));
            } else {
                sealed.add(seal(row, county));
            }
        }
        errors.sort(Comparator.comparingLong(RowError::row));
        long refused = errors.stream().mapToLong(RowError::row).distinct().count();
        return new ImportBatch(sealed, read, refused, errors, 0);
    }

    private SealedRow seal(ImportRow row, String county) {
        ProtectedResidentId id = protector.protect(row.idNumber());
        ProtectedName name = protector.protectName(row.name());
        return new SealedRow(row.row(), row.householdKey(HEX.formatHex(id.householdKey())), ImportId.nextRowId(), ImportId.nextRowId(),
                ImportId.nextRowId(), id.householdKey(), id.ciphertext(), id.masked(), name.hash(), name.ciphertext(), name.masked(),
                row.village().value(), county, row.programme().name(), row.monthlyAmount().fen(), row.startsOn(), row.status().name(),
                row.reason());
    }

    /** The households and persons a batch writes, in the file's terms: what two batches written at once must not share. */
    private static Set<String> keys(List<ImportRow> rows) {
        Set<String> keys = new HashSet<>(rows.size() * 3);
        for (ImportRow row : rows) {
            keys.add(row.household());
            keys.add("person:" + row.idNumber().value());
        }
        return keys;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    private static String reason(Throwable failure) {
        String message = failure.getMessage();
        return message == null ? failure.getClass().getSimpleName() : message.length() > 500 ? message.substring(0, 500) : message;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** A batch ready to write, and what it writes. */
    private record Sealed(ImportBatch batch, Set<String> keys) {
    }

    /** A batch written, and what it changed. */
    private record Written(ImportBatch batch, BatchOutcome outcome) {
    }
}
