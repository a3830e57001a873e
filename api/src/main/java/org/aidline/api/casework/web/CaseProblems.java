package org.aidline.api.casework.web;

import java.util.Map;
import org.aidline.api.problem.ProblemException;
import org.aidline.api.problem.ProblemType;
import org.aidline.intake.casework.CaseChangedException;
import org.aidline.intake.casework.CaseConflictException;
import org.aidline.intake.casework.CaseNotFoundException;
import org.aidline.intake.casework.InvalidCaseInputException;
import org.aidline.intake.casework.StaleCaseException;
import org.aidline.intake.casework.StepOpenException;
import org.aidline.intake.policy.OutsideJurisdictionException;

/** The case's refusals as problems. */
final class CaseProblems {

    static final String PROBLEM = "application/problem+json";
    static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    private CaseProblems() {
    }

    static Throwable translate(Throwable failure) {
        if (failure instanceof CaseNotFoundException) {
            return new ProblemException(ProblemType.NOT_FOUND, failure.getMessage());
        }
        if (failure instanceof OutsideJurisdictionException) {
            return new ProblemException(ProblemType.OUTSIDE_REGION, failure.getMessage());
        }
        if (failure instanceof StepOpenException open) {
            return new ProblemException(ProblemType.STEP_OPEN, failure.getMessage(), Map.of("openStep", open.openStep()));
        }
        if (failure instanceof CaseConflictException) {
            return new ProblemException(ProblemType.STATE_CONFLICT, failure.getMessage());
        }
        if (failure instanceof CaseChangedException) {
            return new ProblemException(ProblemType.CONCURRENT_CHANGE, failure.getMessage());
        }
        if (failure instanceof StaleCaseException stale) {
            return new ProblemException(ProblemType.PRECONDITION_FAILED, "The case is at version " + stale.current()
                    + " now (ETag \"" + stale.current() + "\"); read it again and decide again.", Map.of("currentVersion", stale.current()));
        }
        if (failure instanceof InvalidCaseInputException invalid) {
            return ProblemException.invalid(invalid.field(), invalid.getMessage());
        }
        return failure;
    }
}
