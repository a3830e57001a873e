package org.aidline.intake.casework;

import java.time.Instant;
import java.util.Map;
import org.aidline.intake.policy.CaseStep;
import org.jspecify.annotations.Nullable;

/** A step as it was done: by whom, when, with what outcome; a notice also says when it ends. */
public record DoneStep(CaseStep step, String actor, Instant at, @Nullable Instant endsAt, Map<String, Object> outcome) {

    public DoneStep {
        outcome = Map.copyOf(outcome);
    }

    /** A means test some registry has not answered yet: asked again, not done. */
    public boolean isSettled() {
        return !(step == CaseStep.MEANS_TEST && "INCOMPLETE".equals(outcome.get("verdict")));
    }

    /** A notice still running at {@code now}; every other step is done once recorded. */
    public boolean isRunning(Instant now) {
        return endsAt != null && now.isBefore(endsAt);
    }
}
