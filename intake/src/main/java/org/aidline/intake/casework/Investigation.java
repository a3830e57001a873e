package org.aidline.intake.casework;

import java.util.LinkedHashMap;
import java.util.Map;
import org.aidline.intake.money.Money;
import org.jspecify.annotations.Nullable;

/** The coordinator's household visit: what was found, the household's situation, the amount they recommend. */
public record Investigation(String findings, String householdSituation, @Nullable Money recommendedAmount) {

    Map<String, Object> outcome() {
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("findings", findings.strip());
        outcome.put("householdSituation", householdSituation.strip());
        if (recommendedAmount != null) {
            outcome.put("recommendedAmountFen", recommendedAmount.fen());
        }
        return outcome;
    }
}
