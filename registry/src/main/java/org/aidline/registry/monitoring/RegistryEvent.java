package org.aidline.registry.monitoring;

import java.time.LocalDate;
import org.aidline.intake.money.Money;
import org.aidline.intake.region.VillageCode;
import org.aidline.intake.report.ResidentId;
import org.jspecify.annotations.Nullable;

/**
 * One event of the departments' feed: who (ID number, and name if the department gives it), where
 * (the village whose coordinator would visit), when, and for a medical bill the out-of-pocket amount.
 */
public record RegistryEvent(EventKey key, RegistryEventType type, ResidentId idNumber, @Nullable String name, VillageCode village,
        LocalDate occurredOn, @Nullable Money amount, @Nullable String note) {

    public RegistryEvent {
        if (type == RegistryEventType.MEDICAL_BILL && amount == null) {
            throw new IllegalArgumentException("A medical bill event carries the out-of-pocket amount");
        }
    }

    public String countyCode() {
        return village.countyCode();
    }
}
