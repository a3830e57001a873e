package org.aidline.api.payouts.web;

import java.util.List;
import java.util.Map;
import org.aidline.api.problem.FieldError;
import org.aidline.api.problem.ProblemException;
import org.aidline.api.problem.ProblemType;
import org.aidline.registry.jurisdiction.InvalidRegistryRequestException;
import org.aidline.registry.jurisdiction.RegistryAccessDeniedException;
import org.aidline.registry.jurisdiction.RegistryConflictException;
import org.aidline.registry.jurisdiction.RegistryNotFoundException;

/** The registry's refusals as problem types: 403, 409, 404, 400 with the field. */
final class RegistryProblems {

    private RegistryProblems() {
    }

    static Throwable of(Throwable failure) {
        if (failure instanceof RegistryAccessDeniedException) {
            return new ProblemException(ProblemType.FORBIDDEN, failure.getMessage());
        }
        if (failure instanceof RegistryConflictException) {
            return new ProblemException(ProblemType.STATE_CONFLICT, failure.getMessage());
        }
        if (failure instanceof RegistryNotFoundException) {
            return ProblemException.notFound("payout run");
        }
        if (failure instanceof InvalidRegistryRequestException invalid) {
            return new ProblemException(ProblemType.VALIDATION, "Some fields of the request are missing or invalid; see errors.",
                    Map.of("errors", List.of(new FieldError(invalid.field(), invalid.getMessage()))));
        }
        return failure;
    }

    static java.util.UUID id(String id, String what) {
        try {
            return java.util.UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound(what);
        }
    }
}
