package org.aidline.api.grant.web;

import java.util.HashSet;
import java.util.Set;
import org.springframework.http.ETag;

/** A grant's ETag is its version, quoted; an If-Match names the versions a client is writing on. */
final class EntityTags {

    private EntityTags() {
    }

    static String of(int version) {
        return "\"" + version + "\"";
    }

    /**
     * The versions the strong tags of an If-Match header name. Weak tags never match (RFC 9110
     * compares strongly) and neither do tags this service never gave out.
     */
    static Set<Integer> versions(String ifMatch) {
        Set<Integer> versions = new HashSet<>();
        for (ETag tag : ETag.parse(ifMatch)) {
            if (!tag.weak() && !tag.isWildcard() && tag.tag().matches("\\d{1,9}")) {
                versions.add(Integer.parseInt(tag.tag()));
            }
        }
        return versions;
    }

    static boolean isWildcard(String ifMatch) {
        return ifMatch.trim().equals("*");
    }
}
