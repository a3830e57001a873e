package org.aidline.api.ledger;

import static org.aidline.api.support.Supervising.decision;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.SampleReports;
import org.aidline.api.support.Supervising;
import org.aidline.api.support.Tokens;
import org.aidline.api.support.Tokens.Caller;
import org.aidline.intake.grant.GrantStatus;
import org.aidline.intake.review.ReviewRules;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ledger's invariant as a property: whatever sequence of filings and supervisor decisions
 * (including those that must be refused) goes through the real API, per county the entitlement
 * entries (GRANT + ADJUSTMENT + REVOCATION) sum exactly to the grants' amounts (a revoked grant
 * is worth 0), and what is paid or being paid for each grant is exactly what it is worth.
 * Each seed is a reproducible sequence; a failure names the seed and the step.
 */
@IntegrationTest
class LedgerInvariantIntegrationTests {

    static final int OPERATIONS = 30;
    /** Counties no test changes the policy of, so the province default's cap (2,400 yuan) applies. */
    static final List<String> COUNTIES = List.of("640205", "640221", "640302", "640502");
    static final long CAP_FEN = 240_000;
    /** The province default's standard amount for a medical emergency of a household of four. */
    static final long STANDARD_FEN = 210_000;

    @Autowired
    WebTestClient web;

    @Autowired
    Tokens tokens;

    @Autowired
    JsonMapper json;

    @Autowired
    DatabaseClient database;

    Supervising api;
    Map<String, Caller> supervisors;

    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, 20).boxed();
    }

    @BeforeEach
    void setUp() {
        api = new Supervising(web, tokens, json, database);
        supervisors = new HashMap<>();
        COUNTIES.forEach(county -> supervisors.put(county, api.supervisor(county)));
    }

    /** What the test expects of one report and its grant. */
    static final class Case {
        final String reportId;
        final String county;
        final String idNumber;
        boolean duplicate;
        @Nullable Long requestedFen;
        @Nullable String grantId;
        GrantStatus status;
        long amountFen;
        long awaitingFen;

        Case(String reportId, String county, String idNumber) {
            this.reportId = reportId;
            this.county = county;
            this.idNumber = idNumber;
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void entitlementEntriesAlwaysSumToWhatTheGrantsAreWorth(long seed) {
        Random random = new Random(seed);
        List<Case> cases = new ArrayList<>();
        List<String> log = new ArrayList<>();
        for (int step = 0; step < OPERATIONS; step++) {
            int pick = cases.isEmpty() ? 0 : random.nextInt(100);
            String done;
            if (pick < 30) {
                done = file(random, cases);
            } else if (pick < 70) {
                done = review(random, pick(random, cases, known -> known.grantId != null && ReviewRules.REVIEWABLE.contains(known.status)));
            } else if (pick < 83) {
                done = approval(random, pick(random, cases, known -> known.grantId != null && known.awaitingFen > 0
                        && ReviewRules.APPROVABLE.contains(known.status)));
            } else if (pick < 95) {
                done = override(pick(random, cases, known -> known.duplicate));
            } else {
                done = fromAnotherCounty(random, pick(random, cases, known -> known.grantId != null));
            }
            log.add(step + ": " + done);
        }
        String trace = "seed " + seed + "\n" + String.join("\n", log);
        assertCountiesBalance(trace);
        for (Case known : cases) {
            if (known.grantId != null) {
                assertGrantAsExpected(known, trace);
            }
        }
    }

    String file(Random random, List<Case> cases) {
        String county = COUNTIES.get(random.nextInt(COUNTIES.size()));
        boolean sameHousehold = !cases.isEmpty() && random.nextInt(4) == 0;
        String idNumber = sameHousehold ? cases.get(random.nextInt(cases.size())).idNumber : SampleReports.newIdNumber();
        Long requested = random.nextInt(5) == 0 ? null : 10_000 + (long) random.nextInt(390_001);
        String yuan = requested == null ? null : BigDecimal.valueOf(requested, 2).toPlainString();
        JsonNode report = api.fileUrgent(county + "001001", yuan, idNumber);
        Case filed = new Case(report.get("id").asString(), county, idNumber);
        filed.requestedFen = requested;
        cases.add(filed);
        if (sameHousehold) {
            // The household has its open case (and perhaps its grant in the window): always a duplicate.
            assertThat(report.get("status").asString()).as("a second report of a household").isEqualTo("DUPLICATE");
            filed.duplicate = true;
            return "file " + county + " " + yuan + " (same household) -> DUPLICATE";
        }
        assertThat(report.get("status").asString()).isEqualTo("FAST_TRACKED");
        granted(filed, report.get("grant"));
        return "file " + county + " " + yuan + " -> " + filed.amountFen + " + " + filed.awaitingFen + " awaiting";
    }

    /** Checks the grant the API made against the policy, and remembers it. */
    void granted(Case known, JsonNode grant) {
        long wanted = known.requestedFen == null ? STANDARD_FEN : known.requestedFen;
        known.grantId = grant.get("id").asString();
        known.status = GrantStatus.AWAITING_DOCUMENTS;
        known.amountFen = Math.min(wanted, CAP_FEN);
        known.awaitingFen = known.requestedFen == null ? 0 : wanted - known.amountFen;
        assertThat(fen(grant.get("amount"))).isEqualTo(known.amountFen);
        assertThat(fen(grant.get("awaitingApproval"))).isEqualTo(known.awaitingFen);
    }

    String review(Random random, Case known) {
        if (known.grantId == null) {
            return noGrant(known);
        }
        String outcome = List.of("CONFIRM", "ADJUST", "ADJUST", "REVOKE").get(random.nextInt(4));
        Long amount = null;
        if (outcome.equals("ADJUST")) {
            boolean down = random.nextBoolean() && known.amountFen > 1;
            amount = down ? 1 + (long) random.nextInt((int) Math.min(Integer.MAX_VALUE, known.amountFen - 1))
                    : known.amountFen + 1 + random.nextInt(100_000);
        }
        boolean allowed = ReviewRules.REVIEWABLE.contains(known.status);
        EntityExchangeResult<byte[]> result = api.review(supervisors.get(known.county), known.grantId,
                decision(outcome, amount == null ? null : BigDecimal.valueOf(amount, 2).toPlainString(), "property step"), null)
                .expectBody().returnResult();
        assertThat(result.getStatus().value()).as(outcome + " of a grant " + known.status).isEqualTo(allowed ? 200 : 409);
        if (allowed) {
            switch (outcome) {
                case "CONFIRM" -> known.status = GrantStatus.CONFIRMED;
                case "ADJUST" -> {
                    known.status = GrantStatus.CONFIRMED;
                    known.amountFen = amount;
                }
                default -> {
                    known.status = GrantStatus.REVOKED;
                    known.amountFen = 0;
                    known.awaitingFen = 0;
                }
            }
            assertMatches(known, json.readTree(result.getResponseBody()));
        }
        return outcome + (amount == null ? "" : " " + amount) + " -> " + result.getStatus().value();
    }

    String approval(Random random, Case known) {
        if (known.grantId == null) {
            return noGrant(known);
        }
        boolean approve = random.nextBoolean();
        boolean allowed = ReviewRules.APPROVABLE.contains(known.status) && known.awaitingFen > 0;
        EntityExchangeResult<byte[]> result = api.approval(supervisors.get(known.county), known.grantId, approve, "property step")
                .expectBody().returnResult();
        assertThat(result.getStatus().value()).as((approve ? "approval" : "refusal") + " of " + known.awaitingFen + " awaiting, grant "
                + known.status).isEqualTo(allowed ? 200 : 409);
        if (allowed) {
            if (approve) {
                known.amountFen += known.awaitingFen;
            }
            known.awaitingFen = 0;
            assertMatches(known, json.readTree(result.getResponseBody()));
        }
        return (approve ? "approve" : "refuse") + " -> " + result.getStatus().value();
    }

    String override(Case known) {
        boolean allowed = known.duplicate;
        EntityExchangeResult<byte[]> result = api.override(supervisors.get(known.county), known.reportId, "property step")
                .expectBody().returnResult();
        assertThat(result.getStatus().value()).as("override of a " + (known.duplicate ? "duplicate" : "granted report"))
                .isEqualTo(allowed ? 200 : 409);
        if (allowed) {
            known.duplicate = false;
            granted(known, json.readTree(result.getResponseBody()).get("grant"));
        }
        return "override -> " + result.getStatus().value();
    }

    String fromAnotherCounty(Random random, Case known) {
        if (known.grantId == null) {
            return noGrant(known);
        }
        String other = COUNTIES.stream().filter(county -> !county.equals(known.county)).toList().get(random.nextInt(COUNTIES.size() - 1));
        api.review(supervisors.get(other), known.grantId, decision("REVOKE", null, "not mine"), null).expectStatus().isNotFound();
        return "revoke by the supervisor of " + other + " -> 404";
    }

    /**
     * A random case: mostly one the operation is allowed on, so that sequences go deep, but one in
     * four times any report at all, so that operations that must be refused are tried too.
     */
    static Case pick(Random random, List<Case> cases, Predicate<Case> allowed) {
        List<Case> candidates = random.nextInt(4) == 0 ? cases : cases.stream().filter(allowed).toList();
        List<Case> from = candidates.isEmpty() ? cases : candidates;
        return from.get(random.nextInt(from.size()));
    }

    /** A duplicate report has no grant: deciding on a grant id nobody has is refused as not found. */
    String noGrant(Case known) {
        api.review(supervisors.get(known.county), UUID.randomUUID().toString(), decision("CONFIRM", null, "no such grant"), null)
                .expectStatus().isNotFound();
        return "decision on a grant that does not exist -> 404";
    }

    void assertMatches(Case known, JsonNode grant) {
        assertThat(grant.get("status").asString()).isEqualTo(known.status.name());
        assertThat(fen(grant.get("amount"))).isEqualTo(known.amountFen);
        assertThat(fen(grant.get("awaitingApproval"))).isEqualTo(known.awaitingFen);
        assertThat(fen(grant.get("paidOrBeingPaid"))).isEqualTo(known.amountFen);
    }

    /** The invariant itself, over every county and every grant in the database, not only this sequence's. */
    void assertCountiesBalance(String trace) {
        List<Map<String, Object>> unbalanced = database.sql("""
                        select c.code,
                               (select coalesce(sum(l.amount_fen), 0) from ledger_entry l
                                 where l.county_code = c.code and l.kind in ('GRANT', 'ADJUSTMENT', 'REVOCATION')) as booked,
                               (select coalesce(sum(g.amount_fen), 0) from aid_grant g where g.county_code = c.code) as granted
                        from county c
                        """)
                .fetch().all().filter(row -> !row.get("booked").equals(row.get("granted"))).collectList().block();
        assertThat(unbalanced).as(trace).isEmpty();
    }

    void assertGrantAsExpected(Case known, String trace) {
        Map<String, Object> row = database.sql("""
                        select g.status, g.amount_fen, g.awaiting_approval_fen,
                               (select coalesce(sum(l.amount_fen), 0) from ledger_entry l
                                 where l.grant_id = g.id and l.kind in ('GRANT', 'ADJUSTMENT', 'REVOCATION')) as booked,
                               (select coalesce(sum(case p.kind when 'PAYMENT' then p.amount_fen else -p.amount_fen end), 0)
                                  from payment_instruction p where p.grant_id = g.id) as instructed
                        from aid_grant g where g.id = :grant
                        """)
                .bind("grant", UUID.fromString(known.grantId)).fetch().one().block();
        String what = trace + "\ngrant " + known.grantId + " of report " + known.reportId;
        assertThat(row.get("status")).as(what).isEqualTo(known.status.name());
        assertThat(((Number) row.get("amount_fen")).longValue()).as(what).isEqualTo(known.amountFen);
        assertThat(((Number) row.get("awaiting_approval_fen")).longValue()).as(what).isEqualTo(known.awaitingFen);
        assertThat(((Number) row.get("booked")).longValue()).as(what).isEqualTo(known.amountFen);
        assertThat(((Number) row.get("instructed")).longValue()).as(what + ": paid or being paid").isEqualTo(known.amountFen);
    }

    static long fen(JsonNode yuan) {
        return yuan.decimalValue().movePointRight(2).longValueExact();
    }

}
