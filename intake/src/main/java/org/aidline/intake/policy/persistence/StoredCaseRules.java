package org.aidline.intake.policy.persistence;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.aidline.intake.money.Money;
import org.aidline.intake.policy.CaseRules;
import org.aidline.intake.policy.CaseStep;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The ordinary case's rules as the policy table keeps them: the fixed township cap in its column, the rest as JSON. */
public final class StoredCaseRules {

    private StoredCaseRules() {
    }

    public static CaseRules read(JsonMapper json, @Nullable Long fixedTownshipCapFen, String rules) {
        JsonNode node = json.readTree(rules);
        Set<CaseStep> afterPayment = EnumSet.noneOf(CaseStep.class);
        node.path("afterPayment").forEach(step -> afterPayment.add(CaseStep.valueOf(step.asString())));
        return new CaseRules(fixedTownshipCapFen == null ? null : Money.ofFen(fixedTownshipCapFen), node.path("investigation").asBoolean(true),
                node.path("meansTest").asBoolean(true), node.path("noticeDays").asInt(0), node.path("deliberation").asBoolean(false),
                afterPayment, node.path("filedDecisionReviewDays").asInt(15));
    }

    /** The JSON column's value (the fixed cap goes in its own column). */
    public static String write(JsonMapper json, CaseRules rules) {
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("investigation", rules.investigation());
        stored.put("meansTest", rules.meansTest());
        stored.put("noticeDays", rules.noticeDays());
        stored.put("deliberation", rules.deliberation());
        stored.put("afterPayment", rules.afterPayment().stream().sorted().map(Enum::name).toList());
        stored.put("filedDecisionReviewDays", rules.filedDecisionReviewDays());
        return json.writeValueAsString(stored);
    }
}
