package org.aidline.intake.grant;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.aidline.intake.personaldata.ProtectedResidentId;
import org.aidline.intake.region.RegionScope;
import org.aidline.intake.report.ReportEvent;
import org.aidline.intake.report.ReportId;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Grants in memory, answering what a test tells them to, and counting what was asked. */
class FakeGrants implements Grants {

    GrantCase stored;
    Supplier<Mono<Integer>> onAttach = () -> Mono.just(stored.grant().version() + 1);
    final Deque<List<Escalation>> batches = new ArrayDeque<>();
    int attachCalls;
    int escalateCalls;

    FakeGrants(GrantCase stored) {
        this.stored = stored;
    }

    @Override
    public Mono<GrantCase> byId(GrantId id) {
        return Mono.justOrEmpty(stored.grant().id().equals(id) ? stored : null);
    }

    @Override
    public Mono<Integer> attach(Grant read, Grant attached, List<ReportEvent> events) {
        attachCalls++;
        return onAttach.get();
    }

    @Override
    public Flux<Escalation> escalateOverdue(Instant now, int limit) {
        escalateCalls++;
        return Flux.fromIterable(batches.isEmpty() ? List.of() : batches.poll());
    }

    @Override
    public Mono<Boolean> identify(Grant read, GrantStatus next, ProtectedResidentId idNumber, String actor, Instant at) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Mono<ReportId> cancelAsDuplicate(Grant read, ProtectedResidentId idNumber, String actor, Instant at) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Mono<Boolean> identifySubject(ReportId report, ProtectedResidentId idNumber, String actor, Instant at) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Flux<GrantCase> withStatus(RegionScope region, GrantStatus status, @Nullable GrantCursor after, int limit) {
        throw new UnsupportedOperationException();
    }
}
