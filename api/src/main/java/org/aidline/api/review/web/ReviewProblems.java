package org.aidline.api.review.web;

import java.util.Map;
import org.aidline.api.problem.ProblemException;
import org.aidline.api.problem.ProblemType;
import org.aidline.intake.policy.OutsideJurisdictionException;
import org.aidline.intake.review.ConcurrentChangeException;
import org.aidline.intake.review.ReviewConflictException;
import org.aidline.intake.review.ReviewTargetNotFoundException;
import org.aidline.intake.review.StaleVersionException;
import org.jspecify.annotations.Nullable;

/** The review domain's refusals as problems, and the grant's If-Match. */
final class ReviewProblems {

    static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    private ReviewProblems() {
    }

    static Throwable translate(Throwable failure) {
        if (failure instanceof ReviewTargetNotFoundException) {
            return new ProblemException(ProblemType.NOT_FOUND, failure.getMessage());
        }
        if (failure instanceof OutsideJurisdictionException) {
            return new ProblemException(ProblemType.OUTSIDE_REGION, failure.getMessage());
        }
        if (failure instanceof ReviewConflictException) {
            return new ProblemException(ProblemType.STATE_CONFLICT, failure.getMessage());
        }
        if (failure instanceof ConcurrentChangeException) {
            return new ProblemException(ProblemType.CONCURRENT_CHANGE, failure.getMessage());
        }
        if (failure instanceof StaleVersionException stale) {
            return new ProblemException(ProblemType.PRECONDITION_FAILED, "The grant is at version " + stale.current()
                    + " now (ETag \"" + stale.current() + "\"); read it again and decide again.", Map.of("currentVersion", stale.current()));
        }
        return failure;
    }

    static ProblemException invalid(String field, String message) {
        return ProblemException.invalid(field, message);
    }

    static ProblemException notFound(String what) {
        return ProblemException.notFound(what);
    }

    static String etag(int version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match names: null for none or {@code *}; -1, which no grant has, for anything else. */
    static @Nullable Integer expectedVersion(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.matches("\"\\d{1,9}\"")) {
            return Integer.parseInt(tag.substring(1, tag.length() - 1));
        }
        return -1;
    }
}
