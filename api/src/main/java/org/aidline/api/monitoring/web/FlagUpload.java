package org.aidline.api.monitoring.web;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.aidline.intake.access.Actor;
import org.aidline.intake.monitoring.FlagIntake;
import org.aidline.intake.monitoring.FlagOutcome;
import org.aidline.intake.monitoring.MonitoringFlag;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Receives an upload's rows as they are read, a batch at a time with a few flags of it in flight
 * at once; the body is read only as fast as flags are filed (backpressure), so memory stays flat
 * whatever the upload's size.
 */
@Component
class FlagUpload {

    private final FlagRows rows;
    private final FlagIntake intake;
    private final MonitoringProperties properties;
    private final UploadTurns turns;

    FlagUpload(FlagRows rows, FlagIntake intake, MonitoringProperties properties, UploadTurns turns) {
        this.rows = rows;
        this.intake = intake;
        this.properties = properties;
        this.turns = turns;
    }

    Mono<FlagUploadSummary> receive(Flux<RawFlag> read, String source, Actor uploader) {
        return progress(read, source, uploader)
                .filter(line -> line.status() == FlagUploadProgress.Status.COMPLETED)
                .map(FlagUploadProgress::summary)
                .single();
    }

    /** WAITING at once, RUNNING after each batch once it is this upload's turn, then COMPLETED with the summary. */
    Flux<FlagUploadProgress> progress(Flux<RawFlag> read, String source, Actor uploader) {
        return Flux.concat(Mono.just(FlagUploadProgress.waiting()), turns.inTurn(() -> {
            UploadTally tally = new UploadTally(properties.maxErrors());
            return read.map(raw -> rows.read(raw, source))
                    .buffer(properties.batchSize())
                    // One batch waits while one is received: memory holds two batches at most.
                    .concatMap(batch -> receive(batch, uploader).collectList().map(received -> {
                        received.forEach(row -> tally.add(row.row(), row.outcome()));
                        return FlagUploadProgress.running(tally.summary());
                    }), 1)
                    .concatWith(Mono.fromSupplier(() -> FlagUploadProgress.completed(tally.summary())));
        }));
    }

    /** The batch's rows with their outcomes, in row order, so bad rows are listed in order. */
    private Flux<Received> receive(List<FlagRow> batch, Actor uploader) {
        List<MonitoringFlag> good = new ArrayList<>();
        batch.forEach(row -> {
            if (row instanceof FlagRow.Good flag) {
                good.add(flag.flag());
            }
        });
        return intake.receive(good, uploader, properties.concurrency()).collectList().flatMapIterable(outcomes -> {
            Iterator<FlagOutcome> next = outcomes.iterator();
            List<Received> received = new ArrayList<>(batch.size());
            batch.forEach(row -> received.add(new Received(row, row instanceof FlagRow.Good ? next.next() : null)));
            return received;
        });
    }

    private record Received(FlagRow row, @Nullable FlagOutcome outcome) {
    }
}
