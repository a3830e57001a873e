package org.aidline.notification.task.persistence;

import org.aidline.intake.casework.TaskProgress;
import org.aidline.intake.report.ReportId;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** Answers intake whether a report's coordinator task is completed, from notification's own table. */
public class R2dbcTaskProgress implements TaskProgress {

    private final DatabaseClient database;

    public R2dbcTaskProgress(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Boolean> completed(ReportId report, int round) {
        return database.sql("""
                        select count(*) filter (where round >= :round) > 0 and count(*) filter (where status <> 'COMPLETED') = 0 as completed
                        from coordinator_task where report_id = :report""")
                .bind("report", report.value())
                .bind("round", round)
                .map(row -> Boolean.TRUE.equals(row.get("completed", Boolean.class)))
                .one();
    }
}
