package org.aidline.api.monitoring.web;

import org.aidline.intake.access.Actor;
import org.aidline.intake.monitoring.FlagIntake;
import org.aidline.intake.monitoring.FlagOutcome;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Receives an upload's rows as they are read: a few flags in flight at once, the body read only as
 * fast as they are filed (backpressure), so memory stays flat whatever the upload's size.
 */
@Component
class FlagUpload {

    private final FlagRows rows;
    private final FlagIntake intake;
    private final MonitoringProperties properties;

    FlagUpload(FlagRows rows, FlagIntake intake, MonitoringProperties properties) {
        this.rows = rows;
        this.intake = intake;
        this.properties = properties;
    }

    Mono<FlagUploadSummary> receive(Flux<RawFlag> read, String source, Actor uploader) {
        return Mono.defer(() -> {
            UploadTally tally = new UploadTally(properties.maxErrors());
            return read.map(raw -> rows.read(raw, source))
                    // Sequential, so bad rows are listed in row order; at most `concurrency` results wait.
                    .flatMapSequential(row -> receive(row, uploader), properties.concurrency(), 1)
                    .doOnNext(received -> tally.add(received.row(), received.outcome()))
                    .then(Mono.fromSupplier(tally::summary));
        });
    }

    private Mono<Received> receive(FlagRow row, Actor uploader) {
        if (row instanceof FlagRow.Good good) {
            return intake.receive(good.flag(), uploader).map(outcome -> new Received(row, outcome));
        }
        return Mono.just(new Received(row, null));
    }

    private record Received(FlagRow row, @Nullable FlagOutcome outcome) {
    }
}
