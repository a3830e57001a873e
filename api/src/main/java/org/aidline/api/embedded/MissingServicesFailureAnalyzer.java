package org.aidline.api.embedded;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a missing PostgreSQL or Redis as "APPLICATION FAILED TO START" with what to configure, not a stack trace. */
class MissingServicesFailureAnalyzer extends AbstractFailureAnalyzer<MissingServicesException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingServicesException cause) {
        return new FailureAnalysis(cause.description(), cause.action(), cause);
    }
}
