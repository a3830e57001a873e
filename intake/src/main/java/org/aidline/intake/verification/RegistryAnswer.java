package org.aidline.intake.verification;

import java.util.List;

/** A registry's answer to one search, in the terms of the SPDCI registry search API. */
public sealed interface RegistryAnswer {

    /** {@code succ} with records: the registry holds something on the person. */
    record Found(List<Finding> findings) implements RegistryAnswer {

        public Found {
            findings = List.copyOf(findings);
        }
    }

    /** {@code succ} without records. */
    record NothingFound() implements RegistryAnswer {
    }

    /** {@code rjct}: the registry will not answer this search (a reason code says why); asking again will not help. */
    record Refused(String reason) implements RegistryAnswer {
    }

    /** Accepted but not answered yet ({@code pdng}), or not reachable: ask again later. */
    record NotYet(String reason) implements RegistryAnswer {
    }
}
