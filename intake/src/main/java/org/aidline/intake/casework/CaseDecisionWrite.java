package org.aidline.intake.casework;

import java.util.Map;
import org.aidline.intake.grant.Grant;
import org.aidline.intake.review.PaymentOrder;
import org.jspecify.annotations.Nullable;

/** A decision as written: on the case at its version, with the grant and the payment a GRANT makes, and the history it adds. */
public record CaseDecisionWrite(CaseFile file, CaseDecision decision, @Nullable Grant grant, @Nullable PaymentOrder order,
        Map<String, Object> decidedDetail) {

    public CaseDecisionWrite {
        decidedDetail = Map.copyOf(decidedDetail);
    }
}
