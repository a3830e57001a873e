package org.aidline.registry.jurisdiction;

import org.aidline.intake.access.Actor;
import org.aidline.intake.access.Role;
import org.aidline.intake.region.RegionScope;

/**
 * Money of a county is the county's or the province's supervisors' to move: a SUPERVISOR whose
 * region is a county, prefecture or province (6 digits) covering it. A township's supervisor moves
 * none. Auditors and supervisors read what overlaps their region.
 */
public final class Jurisdiction {

    private Jurisdiction() {
    }

    /** The county prefix the supervising actor covers (e.g. {@code 64} for the province), or refused. */
    public static String managedPrefix(Actor actor) {
        RegionScope region = actor.region();
        if (!actor.has(Role.SUPERVISOR) || region == null || region.code().length() != 6) {
            throw new RegistryAccessDeniedException("Only a supervisor of a county, prefecture or the province moves programme money");
        }
        return region.prefix();
    }

    /** Refuses unless the actor supervises this county. */
    public static void requireManages(Actor actor, String countyCode) {
        if (!countyCode.startsWith(managedPrefix(actor))) {
            throw new RegistryAccessDeniedException("County " + countyCode + " is outside your region");
        }
    }

    /** Refuses unless the actor's region covers every county a run of this prefix pays. */
    public static void requireManagesAll(Actor actor, String runPrefix) {
        if (!runPrefix.startsWith(managedPrefix(actor))) {
            throw new RegistryAccessDeniedException("The run pays counties outside your region");
        }
    }

    /** Refuses unless the actor (supervisor or auditor) works in a region that overlaps the run's. */
    public static void requireReads(Actor actor, String runPrefix) {
        RegionScope region = actor.region();
        if (!actor.hasAny(Role.SUPERVISOR, Role.AUDITOR) || region == null) {
            throw new RegistryAccessDeniedException("Only supervisors and auditors read programme payouts");
        }
        String own = region.prefix();
        if (!runPrefix.startsWith(own) && !own.startsWith(runPrefix)) {
            throw new RegistryAccessDeniedException("The run pays no county of your region");
        }
    }
}
