package org.aidline.intake;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Paying out ({@code aidline.payments.*}): the gateway, how often and how much is dispatched,
 * the lease of a claim, the backoff between attempts and the treasury accounts paid from.
 *
 * @param enabled whether this instance dispatches (every instance can; the claims keep them apart)
 * @param pollInterval the safety net: due instructions are looked for at least this often
 * @param lease how long a claim holds; must outlast a send and a status query
 * @param resultCheck when to ask again about an instruction the gateway accepted without a result
 */
@ConfigurationProperties("aidline.payments")
public record PaymentsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue Gateway gateway,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("50") int batchSize,
        @DefaultValue("16") int concurrency,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("5m") Duration resultCheck,
        @DefaultValue Retry retry,
        @DefaultValue Treasury treasury) {

    public PaymentsProperties {
        Duration oneCall = gateway.connectTimeout().plus(gateway.responseTimeout());
        if (lease.compareTo(oneCall.multipliedBy(2)) <= 0) {
            throw new IllegalArgumentException("aidline.payments.lease must outlast a send and a status query ("
                    + oneCall.multipliedBy(2) + ")");
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("aidline.payments.poll-interval must be positive");
        }
    }

    /**
     * The G2P-Connect-shaped gateway. Without a base URL, the embedded default pays through a
     * gateway that only logs; the prod profile refuses to start that way.
     */
    public record Gateway(
            @Nullable URI baseUrl,
            @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("5s") Duration responseTimeout,
            @DefaultValue("aidline") String senderId,
            @DefaultValue("payments-gateway") String receiverId,
            @DefaultValue Breaker breaker) {
    }

    /** When the gateway is deemed down and left alone for a while. */
    public record Breaker(
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("20") int slidingWindow,
            @DefaultValue("10") int minimumCalls,
            @DefaultValue("10s") Duration openFor) {
    }

    /** Exponential backoff with jitter between attempts after transient failures. */
    public record Retry(@DefaultValue("2s") Duration base, @DefaultValue("10m") Duration max) {
    }

    /**
     * The accounts aid is paid from: per county code, else the default, where {@code {county}}
     * stands for the county code.
     */
    public record Treasury(@DefaultValue("treasury-{county}@aidline") String defaultAccount, @Nullable Map<String, String> accounts) {

        public Treasury {
            accounts = accounts == null ? Map.of() : Map.copyOf(accounts);
        }
    }
}
