package org.aidline.intake.casework;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aidline.intake.report.ResidentId;
import org.aidline.intake.verification.Finding;
import org.aidline.intake.verification.Registries;
import org.aidline.intake.verification.RegistryAnswer;
import org.aidline.intake.verification.RegistrySearch;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The means test of an ordinary case: every configured registry asked about the household now,
 * before the decision (an emergency's grant is checked after payment by the verifier instead).
 * Registries answer within their own timeout and never fail; one that has not answered leaves
 * the test INCOMPLETE, to be run again.
 */
public class MeansTest {

    private final Registries registries;

    public MeansTest(Registries registries) {
        this.registries = registries;
    }

    /** The outcome recorded on the step: the verdict (CLEAR, FLAGGED, INCOMPLETE) and each registry's answer. */
    public Mono<Map<String, Object>> of(ResidentId person) {
        return Flux.fromIterable(registries.byName().entrySet())
                .flatMapSequential(entry -> entry.getValue().search(new RegistrySearch(UUID.randomUUID(), entry.getKey(), person))
                        .map(answer -> answered(entry.getKey(), answer)))
                .collectList()
                .map(MeansTest::outcome);
    }

    private static Map<String, Object> answered(String registry, RegistryAnswer answer) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("registry", registry);
        // Java 17: no pattern matching in switch yet.
        if (answer instanceof RegistryAnswer.Found found) {
            row.put("answer", "FOUND");
            row.put("findings", found.findings().stream().map(Finding::record).toList());
        } else if (answer instanceof RegistryAnswer.Refused refused) {
            row.put("answer", "REFUSED");
            row.put("reason", refused.reason());
        } else if (answer instanceof RegistryAnswer.NotYet notYet) {
            row.put("answer", "NOT_YET");
            row.put("reason", notYet.reason());
        } else {
            row.put("answer", "NOTHING_FOUND");
        }
        return row;
    }

    private static Map<String, Object> outcome(List<Map<String, Object>> answers) {
        String verdict = answers.stream().anyMatch(row -> "NOT_YET".equals(row.get("answer"))) ? "INCOMPLETE"
                : answers.stream().anyMatch(row -> "FOUND".equals(row.get("answer"))) ? "FLAGGED"
                : "CLEAR";
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("verdict", verdict);
        outcome.put("registries", new ArrayList<>(answers));
        return outcome;
    }
}
