package org.aidline.api.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.aidline.api.problem.ProblemException;
import org.aidline.api.problem.ProblemType;
import org.aidline.intake.access.Actor;
import org.aidline.intake.access.Role;
import org.aidline.intake.region.RegionScope;
import org.springframework.security.oauth2.jwt.Jwt;

/** Reads the acting person from a validated token. */
public final class Actors {

    public static final String ROLES_CLAIM = "roles";
    public static final String REGION_CLAIM = "region";
    /** A partner's code (a department or charity answering referrals). */
    public static final String PARTNER_CLAIM = "partner";

    private Actors() {
    }

    /**
     * The actor of a token. Unknown roles are ignored; a staff token must carry a well-formed
     * region, since without one it could not be limited to anything.
     */
    public static Actor from(Jwt token) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<String> claimed = token.getClaimAsStringList(ROLES_CLAIM);
        if (claimed != null) {
            for (String role : claimed) {
                for (Role known : Role.values()) {
                    if (known.name().equals(role)) {
                        roles.add(known);
                    }
                }
            }
        }
        String region = token.getClaimAsString(REGION_CLAIM);
        boolean staff = roles.stream().anyMatch(Role::isStaff);
        if (staff && (region == null || !RegionScope.isWellFormed(region))) {
            throw new ProblemException(ProblemType.FORBIDDEN, "A staff token must carry the region its holder works in.");
        }
        return new Actor(token.getSubject(), roles, region == null || !RegionScope.isWellFormed(region) ? null : RegionScope.of(region),
                roles.contains(Role.PARTNER) ? token.getClaimAsString(PARTNER_CLAIM) : null);
    }
}
