package org.aidline.api.problem;

import java.time.Duration;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The 503 of an outage or of a request out of time: Retry-After, and whether the request may have
 * been applied (a write whose commit was under way may have been), so that a mobile client can tell
 * "retry later with the same Idempotency-Key" from a bug.
 */
@Component
public class Unavailable {

    private final Problems problems;
    private final Duration retryAfter;

    public Unavailable(Problems problems, org.aidline.api.edge.EdgeProperties edge) {
        this.problems = problems;
        this.retryAfter = edge.retryAfter();
    }

    /** {@code why} names the message: {@code outage} or {@code out-of-time}. */
    public ProblemDetail problem(ServerWebExchange exchange, String why, Locale locale) {
        boolean write = !isSafe(exchange.getRequest().getMethod());
        String detail = problems.message("problem.unavailable." + why + (write ? ".write" : ".read"), locale, retryAfterSeconds());
        ProblemDetail problem = problems.of(ProblemType.UNAVAILABLE, detail, locale);
        problem.setProperty("retryAfterSeconds", retryAfterSeconds());
        problem.setProperty("mayHaveBeenApplied", write);
        return problem;
    }

    /** This instance is at its limit: nothing was done, and capacity frees up within a second or so. */
    public ProblemDetail shed(ServerWebExchange exchange, Locale locale) {
        ProblemDetail problem = problems.of(ProblemType.UNAVAILABLE, problems.message("problem.unavailable.shed", locale, 1), locale);
        problem.setProperty("retryAfterSeconds", 1);
        problem.setProperty("mayHaveBeenApplied", false);
        return problem;
    }

    /** This instance is shutting down: nothing was done, and another instance takes the retry at once. */
    public ProblemDetail draining(ServerWebExchange exchange, Locale locale) {
        ProblemDetail problem = problems.of(ProblemType.UNAVAILABLE, problems.message("problem.unavailable.draining", locale, 1), locale);
        problem.setProperty("retryAfterSeconds", 1);
        problem.setProperty("mayHaveBeenApplied", false);
        return problem;
    }

    public void setRetryAfter(HttpHeaders headers) {
        setRetryAfter(headers, retryAfterSeconds());
    }

    public void setRetryAfter(HttpHeaders headers, long seconds) {
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }

    private long retryAfterSeconds() {
        return Math.max(1, retryAfter.toSeconds());
    }

    private static boolean isSafe(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
    }
}
