package org.aidline.intake.policy;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.aidline.intake.access.Actor;
import org.aidline.intake.access.Role;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Policy is data: staff read the policy in force for the counties they work in; a county's
 * supervisor changes it by adding a version, never by editing one, so every decision keeps
 * pointing at the terms it was made under.
 */
public class PolicyAdministration {

    private static final Role[] STAFF = {Role.OPERATOR, Role.COORDINATOR, Role.SUPERVISOR, Role.AUDITOR};

    private final Policies policies;
    private final Clock clock;

    public PolicyAdministration(Policies policies, Clock clock) {
        this.policies = policies;
        this.clock = clock;
    }

    /** The policy in force for the county, if the actor works there; {@link PolicyNotFoundException} otherwise. */
    public Mono<PolicyRevision> inForce(String countyCode, Actor actor) {
        if (!Jurisdiction.worksIn(actor, countyCode, STAFF)) {
            return Mono.error(new PolicyNotFoundException(countyCode));
        }
        return policies.revisionInForce(countyCode).switchIfEmpty(Mono.error(() -> new PolicyNotFoundException(countyCode)));
    }

    /** The county's own versions, newest first, if the actor works there. */
    public Mono<List<PolicyRevision>> history(String countyCode, Actor actor) {
        return inForce(countyCode, actor).then(policies.history(countyCode).collectList());
    }

    /**
     * Puts a new version in force for the county. {@code basedOn} is the version the supervisor
     * saw (null: whatever is in force); if another is in force by now, {@link StalePolicyException}.
     */
    public Mono<PolicyRevision> change(String countyCode, PolicyChange change, @Nullable PolicyVersion basedOn, Actor supervisor) {
        return policies.revisionInForce(countyCode)
                .switchIfEmpty(Mono.error(() -> new PolicyNotFoundException(countyCode)))
                .flatMap(current -> {
                    if (!Jurisdiction.covers(supervisor, countyCode, Role.SUPERVISOR)) {
                        return Mono.error(new OutsideJurisdictionException("Only a supervisor of county " + countyCode + " changes its policy"));
                    }
                    if (basedOn != null && !basedOn.equals(current.versionRef())) {
                        return Mono.error(new StalePolicyException(current.versionRef()));
                    }
                    List<Violation> violations = change.violations();
                    if (!violations.isEmpty()) {
                        return Mono.error(new InvalidPolicyException(violations));
                    }
                    int next = current.isProvinceDefault() && !Policy.PROVINCE_DEFAULT.equals(countyCode) ? 1 : current.policy().version() + 1;
                    PolicyRevision revision = new PolicyRevision(change.toPolicy(countyCode, next, current.policy().ordinaryCase(),
                            current.policy().workOrders()),
                            supervisor.subject(),
                            clock.instant().truncatedTo(ChronoUnit.MICROS), change.reason().strip());
                    return policies.add(revision, current.versionRef()).flatMap(added -> added
                            ? Mono.just(revision)
                            : policies.revisionInForce(countyCode).flatMap(now -> Mono.error(new StalePolicyException(now.versionRef()))));
                });
    }
}
