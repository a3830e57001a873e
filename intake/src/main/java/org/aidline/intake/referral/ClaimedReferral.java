package org.aidline.intake.referral;

import java.util.Map;

/**
 * A referral claimed for delivery, with what its partner is sent: the case as the partner needs it
 * to act (the household's name and phone, its size, the masked ID number, the village, the
 * category, what was reported and why it is referred), never more.
 */
public record ClaimedReferral(Referral referral, Map<String, Object> payload) {

    public ClaimedReferral {
        payload = Map.copyOf(payload);
    }
}
