package org.aidline.api.policy.web;

import org.aidline.intake.policy.PolicyVersion;
import org.jspecify.annotations.Nullable;

/**
 * Entity tags of policies: {@code "<policy county>-<version>"} of the policy in force, so a change
 * based on the province default goes stale when the default changes too.
 */
final class PolicyETags {

    private PolicyETags() {
    }

    static String of(PolicyVersion version) {
        return "\"" + version.countyCode() + "-" + version.version() + "\"";
    }

    /**
     * The version an If-Match names: null for {@code *} (whatever is in force). A tag that is no
     * policy's (or a list of several) names a version that is never in force, so it fails the precondition.
     */
    static @Nullable PolicyVersion parse(String ifMatch) {
        String tag = ifMatch.strip();
        if (tag.equals("*")) {
            return null;
        }
        if (tag.length() > 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            String[] parts = tag.substring(1, tag.length() - 1).split("-");
            if (parts.length == 2 && parts[0].matches("\\d{6}") && parts[1].matches("\\d{1,9}")) {
                return new PolicyVersion(parts[0], Integer.parseInt(parts[1]));
            }
        }
        return new PolicyVersion("unknown", 0);
    }
}
