package org.aidline.intake.report;

import org.aidline.intake.access.Actor;
import org.aidline.intake.access.Role;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/** Reads reports on behalf of an actor, showing each only what they may see. */
public class ReportQueries {

    private final Reports reports;

    public ReportQueries(Reports reports) {
        this.reports = reports;
    }

    /** The report if it exists and the actor may see it; empty otherwise, so ids cannot be probed. */
    public Mono<Report> find(ReportId id, Actor actor) {
        return reports.byId(id).filter(report -> report.isVisibleTo(actor));
    }

    public Mono<ReportPage> filedBy(Actor citizen, @Nullable ReportCursor after, int limit) {
        return reports.filedBy(citizen.subject(), after, limit).collectList().map(rows -> ReportPage.of(rows, limit));
    }

    /** Reports in the staff member's region whose subject or caller has this phone number. */
    public Mono<ReportPage> withPhone(Actor staff, PhoneNumber phone, @Nullable ReportCursor after, int limit) {
        if (staff.region() == null || !staff.hasAny(Role.OPERATOR, Role.SUPERVISOR)) {
            return Mono.just(new ReportPage(java.util.List.of(), null));
        }
        return reports.withPhone(staff.region(), phone, after, limit).collectList().map(rows -> ReportPage.of(rows, limit));
    }
}
