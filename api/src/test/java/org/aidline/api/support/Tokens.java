package org.aidline.api.support;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.aidline.api.dev.DevTokenIssuer;
import org.aidline.intake.access.Role;
import org.springframework.boot.test.context.TestComponent;

/** Bearer tokens from the development issuer, the same the service validates in production shape. */
@TestComponent
public class Tokens {

    private final DevTokenIssuer issuer;

    public Tokens(DevTokenIssuer issuer) {
        this.issuer = issuer;
    }

    /** A citizen nobody else is, so tests never see each other's reports. */
    public Caller newCitizen() {
        return citizen("citizen-" + UUID.randomUUID());
    }

    public Caller citizen(String subject) {
        return new Caller(subject, issue(subject, List.of(Role.CITIZEN), null));
    }

    public Caller staff(Role role, String region) {
        String subject = role.name().toLowerCase() + "-" + UUID.randomUUID();
        return new Caller(subject, issue(subject, List.of(role), region));
    }

    public String issue(String subject, List<Role> roles, String region) {
        return issuer.issue(subject, roles, region).map(token -> token.accessToken()).block(Duration.ofSeconds(10));
    }

    /** A department's or charity's machine client, answering the referrals made to the partner with this code. */
    public String partner(String code) {
        return issuer.issue("partner-" + code.toLowerCase(), List.of(Role.PARTNER), null, code).map(token -> token.accessToken())
                .block(Duration.ofSeconds(10));
    }

    /** The provincial 12345 hotline platform's machine client: province-wide, no region. */
    public Caller hotlinePlatform() {
        String subject = "hotline-platform-" + UUID.randomUUID();
        return new Caller(subject, issue(subject, List.of(Role.HOTLINE_PLATFORM), null));
    }

    /** The departments' registry feed's machine client: province-wide, no region. */
    public Caller registryFeed() {
        String subject = "registry-feed-" + UUID.randomUUID();
        return new Caller(subject, issue(subject, List.of(Role.REGISTRY_FEED), null));
    }

    /** Someone with a token. */
    public record Caller(String subject, String token) {

        public String bearer() {
            return "Bearer " + token;
        }
    }
}
