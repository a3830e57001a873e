package org.aidline.api.edge;

import java.util.HashSet;
import java.util.Set;
import org.springframework.http.ETag;

/** A resource's ETag is its version, quoted (a grant's, a case's); an If-Match names the versions a client is writing on. */
public final class EntityTags {

    private EntityTags() {
    }

    public static String of(int version) {
        return "\"" + version + "\"";
    }

    /**
     * The versions the strong tags of an If-Match header name. Weak tags never match (RFC 9110
     * compares strongly) and neither do tags this service never gave out.
     */
    public static Set<Integer> versions(String ifMatch) {
        Set<Integer> versions = new HashSet<>();
        for (ETag tag : ETag.parse(ifMatch)) {
            if (!tag.weak() && !tag.isWildcard() && tag.tag().matches("\\d{1,9}")) {
                versions.add(Integer.parseInt(tag.tag()));
            }
        }
        return versions;
    }

    public static boolean isWildcard(String ifMatch) {
        return ifMatch.trim().equals("*");
    }
}
