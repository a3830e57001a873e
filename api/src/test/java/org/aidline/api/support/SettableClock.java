package org.aidline.api.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.aidline.api.dev.DevIssuerProperties;
import org.aidline.api.dev.DevSigningKey;
import org.aidline.api.dev.DevTokenIssuer;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The service's clock in the test's hand: it stands where the test sets it (for limits counted in working days). */
public class SettableClock extends Clock {

    /** The instant of a local date and time in China ("2026-02-13T10:00"), as the work-order rules count. */
    public static Instant china(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public SettableClock() {
        this(new AtomicReference<>(Instant.now()), ZoneOffset.UTC);
    }

    private SettableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same hand, another zone: setting either moves both. */
    @Override
    public Clock withZone(ZoneId other) {
        return new SettableClock(now, other);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    /**
     * Imported by a test class whose context runs on the settable clock instead of the system's.
     * Tokens are still issued on the system's clock, which is the one they are validated on.
     */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Installed {

        @Bean
        @Primary
        SettableClock settableClock() {
            return new SettableClock();
        }

        @Bean
        @Primary
        DevTokenIssuer systemClockTokenIssuer(DevSigningKey key, DevIssuerProperties properties,
                OAuth2ResourceServerProperties resourceServer) {
            return new DevTokenIssuer(key, properties, resourceServer.getJwt().getAudiences(), Clock.systemUTC());
        }
    }
}
