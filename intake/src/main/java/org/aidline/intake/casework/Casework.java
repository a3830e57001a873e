package org.aidline.intake.casework;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.aidline.intake.access.Actor;
import org.aidline.intake.access.Role;
import org.aidline.intake.grant.Grant;
import org.aidline.intake.grant.GrantId;
import org.aidline.intake.grant.GrantStatus;
import org.aidline.intake.money.Money;
import org.aidline.intake.payment.PaymentsDue;
import org.aidline.intake.personaldata.PersonalDataProtector;
import org.aidline.intake.policy.CaseRules;
import org.aidline.intake.policy.CaseStep;
import org.aidline.intake.policy.Jurisdiction;
import org.aidline.intake.policy.OutsideJurisdictionException;
import org.aidline.intake.report.ReportId;
import org.aidline.intake.review.PaymentOrder;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The ordinary case, step by step, and its decision. Each action reads the case, checks who may
 * act and whether the case is where the action belongs, and writes the change in one statement
 * guarded by the version it read: two deciders, or two instances, never both change the same state.
 */
public class Casework {

    private final CaseFiles files;
    private final CaseClosure closure;
    private final MeansTest meansTest;
    private final PersonalDataProtector protector;
    private final PaymentsDue paymentsDue;
    private final Clock clock;

    public Casework(CaseFiles files, CaseClosure closure, MeansTest meansTest, PersonalDataProtector protector, PaymentsDue paymentsDue,
            Clock clock) {
        this.files = files;
        this.closure = closure;
        this.meansTest = meansTest;
        this.protector = protector;
        this.paymentsDue = paymentsDue;
        this.clock = clock;
    }

    /** The report's case if the actor may see the report; {@link CaseNotFoundException} otherwise. */
    public Mono<CaseFile> find(ReportId id, Actor actor) {
        return files.byReport(id)
                .filter(file -> file.isVisibleTo(actor))
                .switchIfEmpty(Mono.error(() -> new CaseNotFoundException("No report with this id, or you may not see it.")));
    }

    /** The coordinator's household visit (or a supervisor's, of the region). */
    public Mono<CaseFile> investigate(ReportId id, Investigation investigation, Actor actor) {
        return step(id, actor, CaseStep.INVESTIGATION, "INVESTIGATED", file -> Mono.just(investigation.outcome()),
                Role.COORDINATOR, Role.SUPERVISOR);
    }

    /** Asks the registries about the household now; the outcome is shown to the decider. */
    public Mono<CaseFile> testMeans(ReportId id, Actor actor) {
        return step(id, actor, CaseStep.MEANS_TEST, "MEANS_TESTED", file -> files.subjectIdCipher(id)
                .switchIfEmpty(Mono.error(() -> new CaseConflictException("The household's ID number is not known; "
                        + "record it first (the means test asks the registries about it).")))
                .flatMap(cipher -> meansTest.of(protector.reveal(cipher))), Role.COORDINATOR, Role.SUPERVISOR);
    }

    /** The village's deliberation, where the policy asks for one. */
    public Mono<CaseFile> deliberate(ReportId id, Deliberation deliberation, Actor actor) {
        return step(id, actor, CaseStep.DELIBERATION, "DELIBERATED", file -> Mono.just(deliberation.outcome()),
                Role.COORDINATOR, Role.SUPERVISOR);
    }

    /**
     * Opens the public notice for the policy's days (or {@code days}); what is published is masked.
     * {@code postedAt} records a notice already posted on the village's board (at most
     * {@link CaseRules#LONGEST_NOTICE_DAYS} days ago), whose days count from then; by default it is posted now.
     */
    public Mono<CaseFile> openNotice(ReportId id, @Nullable Integer days, @Nullable Instant postedAt, Actor actor) {
        int longest = CaseRules.LONGEST_NOTICE_DAYS;
        if (days != null && (days < 1 || days > longest)) {
            return Mono.error(new InvalidCaseInputException("days", "must be 1 to " + longest));
        }
        Instant now = now();
        if (postedAt != null && (postedAt.isAfter(now.plusSeconds(60)) || postedAt.isBefore(now.minus(Duration.ofDays(longest))))) {
            return Mono.error(new InvalidCaseInputException("postedAt", "is at most " + longest + " days ago and not later than now"));
        }
        Instant posted = postedAt == null ? now : postedAt.truncatedTo(ChronoUnit.MICROS);
        return step(id, actor, CaseStep.NOTICE, "NOTICE_OPENED", file -> {
            int running = days != null ? days : file.rules().noticeDays();
            Object proposed = file.done(CaseStep.INVESTIGATION).map(done -> done.outcome().get("recommendedAmountFen")).orElse(null);
            Map<String, Object> published = CaseFiles.detail("name", masked(file.subjectName()), "village", file.village().value(),
                    "category", file.category().name(), "proposedAmountFen", proposed);
            return Mono.just(CaseFiles.detail("days", running, "postedAt", posted.toString(), "published", published));
        }, Role.SUPERVISOR);
    }

    /** An objection to a running notice, from staff of the region or an operator for a caller. */
    public Mono<CaseFile> object(ReportId id, String statement, @Nullable String objector, Actor actor) {
        return act(id, actor, file -> {
            if (!actor.worksIn(file.village(), Role.OPERATOR, Role.COORDINATOR, Role.SUPERVISOR)) {
                return Mono.error(outside("Only staff of the village's region (or an operator for a caller) record objections."));
            }
            Instant now = now();
            if (file.state(CaseStep.NOTICE, now) != CaseFile.StepState.RUNNING) {
                return Mono.error(new CaseConflictException("Objections are raised while the case's public notice runs; it "
                        + (file.done(CaseStep.NOTICE).isPresent() ? "has ended." : "has not opened.")));
            }
            Objection objection = new Objection(UUID.randomUUID(), actor.subject(), now, blankToNull(objector), statement.strip(),
                    Objection.Status.OPEN, null, null, null);
            return files.raiseObjection(id, file.version(), objection);
        });
    }

    /** A supervisor of the region resolves an objection: upheld or dismissed, with the reason. */
    public Mono<CaseFile> resolveObjection(ReportId id, UUID objectionId, boolean upheld, String resolution, Actor actor) {
        return act(id, actor, file -> {
            if (!actor.worksIn(file.village(), Role.SUPERVISOR)) {
                return Mono.error(outside("Only a supervisor of the village's township or county resolves objections."));
            }
            Objection open = file.objections().stream().filter(objection -> objection.id().equals(objectionId)).findFirst()
                    .orElse(null);
            if (open == null) {
                return Mono.error(new CaseNotFoundException("No objection with this id on this report."));
            }
            if (!open.isOpen()) {
                return Mono.error(new CaseConflictException("The objection was resolved already (" + open.status() + ")."));
            }
            Objection resolved = new Objection(open.id(), open.raisedBy(), open.raisedAt(), open.objector(), open.statement(),
                    upheld ? Objection.Status.UPHELD : Objection.Status.DISMISSED, actor.subject(), now(), resolution.strip());
            return files.resolveObjection(id, file.version(), resolved);
        });
    }

    /**
     * Decides the case, or recommends it to the county: a township's supervisor decides within the
     * township's cap (and the decision is filed upward), above it recommends; the county's
     * supervisor decides any amount. Refused with the open step named while a step is not done, the
     * notice runs or an objection is open. {@code readVersions} are the case's versions the decider
     * read it at (If-Match): the case must still be at one of them.
     */
    public Mono<CaseFile> decide(ReportId id, DecisionRequest request, Actor actor, Set<Integer> readVersions) {
        return act(id, actor, file -> {
            DecisionLevel level = levelOf(actor, file);
            if (file.kind() != CaseKind.ORDINARY) {
                return Mono.error(new CaseConflictException("Only an ordinary case is decided here; this report is " + file.status()
                        + " (an emergency's grant is reviewed at /api/v1/grants/{id}/review)."));
            }
            if (file.standingDecision().isPresent() || !file.takesSteps()) {
                return Mono.error(new CaseConflictException("The case is decided already (" + file.status() + ")."));
            }
            if (!readVersions.contains(file.version())) {
                return Mono.error(new StaleCaseException(file.version()));
            }
            Instant now = now();
            String open = file.blockingDecision(now).orElse(null);
            if (open != null) {
                return Mono.error(new StepOpenException(open, open.equals("OBJECTION")
                        ? "An objection to the notice is not resolved yet; resolve it before deciding."
                        : "The step " + open + " is not done" + (open.equals("NOTICE") && file.done(CaseStep.NOTICE).isPresent()
                                ? ": the public notice runs until " + file.done(CaseStep.NOTICE).get().endsAt() + "." : " yet.")));
            }
            if (level == DecisionLevel.TOWNSHIP && (file.waitingRecommendation().isPresent() || file.wasOverturned())) {
                return Mono.error(new CaseConflictException("The county decides this case now: the township "
                        + (file.wasOverturned() ? "decision was overturned." : "recommended it above its cap.")));
            }
            boolean aboveCap = request.outcome() == Outcome.GRANT && request.amount().compareTo(file.townshipCap()) > 0;
            CaseDecision.Kind kind = level == DecisionLevel.TOWNSHIP && aboveCap ? CaseDecision.Kind.RECOMMENDATION
                    : CaseDecision.Kind.DECISION;
            boolean filed = kind == CaseDecision.Kind.DECISION && level == DecisionLevel.TOWNSHIP;
            CaseDecision decision = new CaseDecision(UUID.randomUUID(), kind, level, request.outcome(), request.amount(),
                    request.reason(), blankToNull(request.note()), blankToNull(request.basis()), actor.subject(), now,
                    null, filed ? Filing.FILED : null,
                    filed ? now.plus(Duration.ofDays(file.rules().filedDecisionReviewDays())) : null, null, null, null);
            Grant grant = null;
            PaymentOrder order = null;
            if (kind == CaseDecision.Kind.DECISION && request.outcome() == Outcome.GRANT) {
                grant = new Grant(GrantId.next(), id, file.countyCode(), GrantStatus.CONFIRMED, request.amount(), Money.ofFen(0),
                        List.of(), null, file.policy(), now, now);
                order = PaymentOrder.payment(request.amount());
                decision = withGrant(decision, grant.id().value());
            }
            Map<String, Object> detail = CaseFiles.detail(
                    "decision", decision.id().toString(), "kind", kind.name(), "level", level.name(),
                    "outcome", request.outcome().name(), "amountFen", request.amount() == null ? null : request.amount().fen(),
                    "reason", request.reason() == null ? null : request.reason().name(), "basis", decision.basis(),
                    "filedUpward", filed ? Boolean.TRUE : null, "townshipCapFen", aboveCap ? file.townshipCap().fen() : null,
                    "grant", grant == null ? null : grant.id().toString(), "payment", order == null ? null : order.id().toString());
            boolean pays = order != null;
            return files.decide(new CaseDecisionWrite(file, decision, grant, order, detail)).doOnNext(done -> {
                if (done && pays) {
                    paymentsDue.paymentsDue();
                }
            });
        });
    }

    /** The county's supervisor notes a township's filed decision as seen, or overturns it while it may. */
    public Mono<CaseFile> reviewFiled(UUID decisionId, Filing filing, String note, Actor actor) {
        if (filing == Filing.FILED) {
            return Mono.error(new InvalidCaseInputException("filing", "is SEEN or OVERTURNED"));
        }
        return files.byDecision(decisionId)
                .filter(file -> file.isVisibleTo(actor))
                .switchIfEmpty(Mono.error(() -> new CaseNotFoundException("No filed decision with this id, or you may not see it.")))
                .flatMap(file -> {
                    if (!Jurisdiction.covers(actor, file.countyCode(), Role.SUPERVISOR)) {
                        return Mono.error(outside("Only a supervisor of county " + file.countyCode()
                                + " reviews its townships' filed decisions."));
                    }
                    CaseDecision decision = file.decisions().stream().filter(d -> d.id().equals(decisionId)).findFirst().orElseThrow();
                    Instant now = now();
                    if (decision.filing() != Filing.FILED) {
                        return Mono.error(new CaseConflictException("This decision was " + (decision.filing() == null
                                ? "not filed upward: the county made it." : "reviewed already (" + decision.filing() + ").")));
                    }
                    if (filing == Filing.OVERTURNED && !decision.awaitsCounty(now)) {
                        return Mono.error(new CaseConflictException("The time to overturn this decision ended at "
                                + decision.reviewUntil() + "."));
                    }
                    Map<String, Object> detail = CaseFiles.detail("decision", decisionId.toString(), "filing", filing.name(),
                            "note", note.strip(), "grant", decision.grantId() == null ? null : decision.grantId().toString());
                    return files.reviewFiling(new CaseDecisionReview(file, decision, filing, actor.subject(), now, note.strip(), detail))
                            .flatMap(done -> done ? files.byReport(file.reportId()) : Mono.error(new CaseChangedException()));
                });
    }

    private Mono<CaseFile> step(ReportId id, Actor actor, CaseStep step, String eventType,
            Function<CaseFile, Mono<Map<String, Object>>> outcome, Role... roles) {
        return act(id, actor, file -> {
            if (!actor.worksIn(file.village(), roles)) {
                return Mono.error(outside("Only " + roleNames(roles) + " of the village's region record the " + step + "."));
            }
            if (!file.takesSteps()) {
                return Mono.error(new CaseConflictException("The case takes no more steps: it is " + file.status() + "."));
            }
            if (!file.owedSteps().contains(step)) {
                return Mono.error(new CaseConflictException("The county's policy does not ask for " + step + " in this case "
                        + "(it asks for " + file.owedSteps() + ")."));
            }
            Instant now = now();
            if (file.done(step).isPresent() && file.state(step, now) != CaseFile.StepState.PENDING) {
                return Mono.error(new CaseConflictException("The " + step + " is done already."));
            }
            for (CaseStep before : file.owedSteps().subList(0, file.owedSteps().indexOf(step))) {
                if (file.state(before, now) != CaseFile.StepState.DONE) {
                    return Mono.error(new StepOpenException(before.name(), "The " + before + " comes before the " + step + "."));
                }
            }
            return outcome.apply(file).flatMap(result -> {
                Instant endsAt = step == CaseStep.NOTICE
                        ? Instant.parse((String) result.get("postedAt")).plus(Duration.ofDays((Integer) result.get("days"))) : null;
                return files.recordStep(id, file.version(), file.status(), new DoneStep(step, actor.subject(), now, endsAt, result),
                        eventType);
            });
        });
    }

    /**
     * Reads the case, lets {@code change} check and write, closes the case if that was all it
     * waited for, and reads it again as it stands after.
     */
    private Mono<CaseFile> act(ReportId id, Actor actor, Function<CaseFile, Mono<Boolean>> change) {
        return find(id, actor)
                .flatMap(change)
                .flatMap(done -> done ? files.byReport(id) : Mono.error(new CaseChangedException()))
                // Read once after the write; read again only when the case closed on it.
                .flatMap(after -> closure.closeIfDone(after).flatMap(closed -> closed ? files.byReport(id) : Mono.just(after)));
    }

    /** The level the actor decides at for this case; {@link OutsideJurisdictionException} when none. */
    private static DecisionLevel levelOf(Actor actor, CaseFile file) {
        if (Jurisdiction.covers(actor, file.countyCode(), Role.SUPERVISOR)) {
            return DecisionLevel.COUNTY;
        }
        if (actor.has(Role.SUPERVISOR) && actor.region() != null && actor.region().code().equals(file.village().townshipCode())) {
            return DecisionLevel.TOWNSHIP;
        }
        throw outside("Only a supervisor of the village's township (within its cap) or of county " + file.countyCode()
                + " decides its cases.");
    }

    private static CaseDecision withGrant(CaseDecision decision, UUID grantId) {
        return new CaseDecision(decision.id(), decision.kind(), decision.level(), decision.outcome(), decision.amount(),
                decision.refusal(), decision.note(), decision.basis(), decision.decidedBy(), decision.decidedAt(), grantId,
                decision.filing(), decision.reviewUntil(), decision.reviewedBy(), decision.reviewedAt(), decision.reviewNote());
    }

    private static OutsideJurisdictionException outside(String message) {
        return new OutsideJurisdictionException(message);
    }

    private static String roleNames(Role... roles) {
        return String.join(" or ", java.util.Arrays.stream(roles).map(role -> role.name().toLowerCase() + "s").toList());
    }

    /** A name as a notice publishes it: its first character, the rest starred (张三 -> 张*). */
    static String masked(String name) {
        String stripped = name.strip();
        if (stripped.isEmpty()) {
            return "*";
        }
        int first = stripped.offsetByCodePoints(0, 1);
        return stripped.substring(0, first) + "*".repeat(Math.max(1, stripped.codePointCount(first, stripped.length())));
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
