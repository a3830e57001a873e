package org.aidline.intake.report;

import org.aidline.intake.region.VillageCode;

/** A report names a village that is not in the reference data. */
public class UnknownVillageException extends RuntimeException {

    private final VillageCode village;

    public UnknownVillageException(VillageCode village) {
        super("No village has the code " + village);
        this.village = village;
    }

    public VillageCode village() {
        return village;
    }
}
