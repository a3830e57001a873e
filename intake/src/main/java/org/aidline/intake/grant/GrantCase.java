package org.aidline.intake.grant;

import org.aidline.intake.access.Actor;
import org.aidline.intake.access.Role;
import org.aidline.intake.region.VillageCode;
import org.aidline.intake.report.ReportReference;

/** A grant with the facts of its report that decide who may see it and who may act on it. */
public record GrantCase(Grant grant, ReportReference reportReference, VillageCode village, String filedBy) {

    /** As for reports: the citizen who filed it and staff of the region; anyone else is told it does not exist. */
    public boolean isVisibleTo(Actor actor) {
        if (actor.has(Role.CITIZEN) && actor.subject().equals(filedBy)) {
            return true;
        }
        return actor.worksIn(village, Role.OPERATOR, Role.COORDINATOR, Role.SUPERVISOR, Role.AUDITOR);
    }

    /** Documents come from the citizen who filed the report or from the village's coordinator, who collects them on the visit. */
    public boolean mayAttachDocuments(Actor actor) {
        return actor.has(Role.CITIZEN) && actor.subject().equals(filedBy) || actor.worksIn(village, Role.COORDINATOR);
    }

    public GrantCase with(Grant changed) {
        return new GrantCase(changed, reportReference, village, filedBy);
    }
}
