package org.aidline.api.ratelimit;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;

/**
 * The quotas a limited request was counted against, as the fields of
 * draft-ietf-httpapi-ratelimit-headers-10: {@code RateLimit-Policy: "subject";q=30;w=60, ...} states
 * each quota and its window in seconds, {@code RateLimit: "subject";r=27;t=42, ...} what is left of it
 * and the seconds until it resets.
 */
record RateLimitFields(List<Quota> quotas) {

    static final String POLICY = "RateLimit-Policy";
    static final String LIMIT = "RateLimit";

    /** A quota of {@code limit} requests per {@code windowSeconds}, {@code used} of them in this window. */
    record Quota(String name, long limit, long used, long windowSeconds, long resetSeconds) {

        long remaining() {
            return Math.max(0, limit - used);
        }

        boolean exceeded() {
            return used > limit;
        }
    }

    boolean exceeded() {
        return quotas.stream().anyMatch(Quota::exceeded);
    }

    void writeTo(HttpHeaders headers) {
        headers.set(POLICY, quotas.stream().map(quota -> "\"" + quota.name() + "\";q=" + quota.limit() + ";w=" + quota.windowSeconds())
                .collect(Collectors.joining(", ")));
        headers.set(LIMIT, quotas.stream().map(quota -> "\"" + quota.name() + "\";r=" + quota.remaining() + ";t=" + quota.resetSeconds())
                .collect(Collectors.joining(", ")));
    }
}
