package org.aidline.intake.policy;

import org.aidline.intake.access.Actor;
import org.aidline.intake.access.Role;
import org.aidline.intake.region.RegionScope;

/**
 * Who works where, at the level of a county: policy, review and the ledger are kept per county
 * (or for the whole province, under {@link Policy#PROVINCE_DEFAULT}).
 */
public final class Jurisdiction {

    private Jurisdiction() {
    }

    /**
     * Whether the actor, in one of the roles, works anywhere in the county: a coordinator of one
     * of its villages does, as does a prefecture or province auditor.
     */
    public static boolean worksIn(Actor actor, String countyCode, Role... roles) {
        if (actor.region() == null || !actor.hasAny(roles) || !RegionScope.isWellFormed(countyCode)) {
            return false;
        }
        String county = RegionScope.of(countyCode).prefix();
        String region = actor.region().prefix();
        return region.startsWith(county) || county.startsWith(region);
    }

    /** Whether the actor, in one of the roles, has authority over the whole county: county, prefecture or province staff. */
    public static boolean covers(Actor actor, String countyCode, Role... roles) {
        return actor.region() != null && actor.hasAny(roles) && RegionScope.isWellFormed(countyCode)
                && countyCode.length() == 6
                && RegionScope.of(countyCode).prefix().startsWith(actor.region().prefix());
    }
}
