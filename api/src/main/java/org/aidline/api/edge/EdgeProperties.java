package org.aidline.api.edge;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The request sizes the service takes, checked by {@link RequestLimits} so that the refusal is a
 * problem; the HTTP server's own limits (application.yml) sit well above them, as a backstop
 * whose answers have no body.
 *
 * @param maxUriLength the longest request target (path and query) in characters
 * @param maxHeaderSize the largest sum of header names and values
 * @param retryAfter what a 503 (outage, request out of time) tells the client to wait
 * @param budget how long a request may take before it is cancelled and answered 503
 * @param maxInFlightFilings filings running at once on this instance before more are shed with 503
 * @param trustedProxies the proxies (CIDR ranges or addresses, e.g. the ingress controller's pod range) whose
 *        forwarding header names the client; from any other peer it is ignored. Empty: the peer is the client.
 * @param clientHeader which header the trusted proxies append the client to (ingress-nginx and most load
 *        balancers: X-Forwarded-For); the other is ignored, since a client could send it through untouched
 */
@ConfigurationProperties("aidline.edge")
public record EdgeProperties(@DefaultValue("4096") int maxUriLength, @DefaultValue("8KB") DataSize maxHeaderSize,
        @DefaultValue("5s") Duration retryAfter, @DefaultValue Budget budget, @DefaultValue("24") int maxInFlightFilings,
        @DefaultValue List<String> trustedProxies, @DefaultValue("X_FORWARDED_FOR") ClientHeader clientHeader) {

    /** The header a trusted proxy appends the address of its own peer to. */
    public enum ClientHeader {
        X_FORWARDED_FOR, FORWARDED
    }

    /**
     * @param filing a report filed (by app or hotline): within this, or 503 and rolled back
     * @param bulk uploads of monitoring flags, registry imports and CSV exports, which stream many rows
     * @param standard every other request; the live task stream has none
     */
    public record Budget(@DefaultValue("5s") Duration filing, @DefaultValue("120s") Duration bulk, @DefaultValue("10s") Duration standard) {
    }
}
