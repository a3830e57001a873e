package org.aidline.intake.verification;

import java.util.UUID;
import org.aidline.intake.report.ResidentId;

/** One search of one registry for one person: the reference ties the answer to its verification row. */
public record RegistrySearch(UUID reference, String registry, ResidentId person) {

    @Override
    public String toString() {
        return "RegistrySearch[" + reference + " at " + registry + "]";
    }
}
