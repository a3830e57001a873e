package org.aidline.intake.access;

import java.util.Set;
import org.aidline.intake.region.RegionScope;
import org.aidline.intake.region.VillageCode;
import org.jspecify.annotations.Nullable;

/**
 * Whoever is acting: the subject of a token, its roles, for staff the region it works in and, for
 * a partner (a department or charity), its partner code.
 */
public record Actor(String subject, Set<Role> roles, @Nullable RegionScope region, @Nullable String partner) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public Actor(String subject, Set<Role> roles, @Nullable RegionScope region) {
        this(subject, roles, region, null);
    }

    /** Whether this actor is the partner with this code. */
    public boolean isPartner(String code) {
        return has(Role.PARTNER) && code.equals(partner);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... candidates) {
        for (Role role : candidates) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** Whether this actor, in one of the given staff roles, works in the region of the village. */
    public boolean worksIn(VillageCode village, Role... asOneOf) {
        return region != null && hasAny(asOneOf) && region.covers(village);
    }
}
