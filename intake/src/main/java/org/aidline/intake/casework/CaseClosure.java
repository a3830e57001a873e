package org.aidline.intake.casework;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.aidline.intake.report.ReportId;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Closes a case once it is done: decided (an emergency: reviewed, its after-payment steps done)
 * and its coordinator's task completed. Tried whenever one of those happens; a sweep tries every
 * closable case now and then, in case an instance stopped between the two.
 */
public class CaseClosure {

    private final CaseFiles files;
    private final TaskProgress tasks;
    private final Clock clock;

    public CaseClosure(CaseFiles files, TaskProgress tasks, Clock clock) {
        this.files = files;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** Emits true when this call closed the case; false when it is not done, or was closed already. */
    public Mono<Boolean> closeIfDone(ReportId id) {
        return files.byReport(id).flatMap(this::closeIfDone).defaultIfEmpty(false);
    }

    /** The same, for a case just read as it stands. */
    public Mono<Boolean> closeIfDone(CaseFile file) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!file.isDoneSaveTheTask(now)) {
            return Mono.just(false);
        }
        return tasks.completed(file.reportId(), file.taskRound())
                .flatMap(completed -> completed ? files.close(file.reportId(), file.version(), file.status(), now) : Mono.just(false));
    }

    /** Every closable case, page by page; emits those closed. */
    public Flux<ReportId> closeAllDone(int pageSize) {
        return page(null, pageSize);
    }

    private Flux<ReportId> page(@Nullable ReportId after, int size) {
        return files.closable(after, size).collectList().flatMapMany(ids -> {
            Flux<ReportId> closed = Flux.fromIterable(ids).concatMap(id -> closeIfDone(id).filter(Boolean::booleanValue).map(done -> id));
            return ids.size() < size ? closed : closed.concatWith(Flux.defer(() -> page(ids.get(ids.size() - 1), size)));
        });
    }
}
