package org.aidline.api.edge;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The address ranges (CIDR, or single addresses) of the proxies in front of the service, the only
 * peers whose X-Forwarded-For / Forwarded headers are believed.
 */
public final class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = ranges;
    }

    /** Refuses (at start-up) anything that is not an address or a CIDR range, so that a typo never trusts the world. */
    public static TrustedProxies of(List<String> cidrs) {
        return new TrustedProxies(cidrs.stream().map(String::strip).filter(cidr -> !cidr.isEmpty()).map(Range::parse).toList());
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public boolean contains(@Nullable InetAddress address) {
        return address != null && ranges.stream().anyMatch(range -> range.contains(address));
    }

    /**
     * An IP literal (IPv4, IPv6, or IPv6 in brackets), or null for anything else: a host name is
     * never looked up, since a client could make every request wait on DNS.
     */
    public static @Nullable InetAddress literal(String text) {
        String candidate = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean v4 = IPV4.matcher(candidate).matches();
        if (!v4 && !IPV6.matcher(candidate).matches()) {
            return null;
        }
        // The JDK would take an IPv4 literal with an octet over 255 for a host name and look it up.
        if (v4 && java.util.Arrays.stream(candidate.split("\\.")).anyMatch(octet -> Integer.parseInt(octet) > 255)) {
            return null;
        }
        try {
            return InetAddress.getByName(candidate);
        } catch (UnknownHostException | RuntimeException notAnAddress) {
            return null;
        }
    }

    @Override
    public String toString() {
        return ranges.toString();
    }

    private record Range(byte[] network, int prefix, String text) {

        static Range parse(String cidr) {
            int slash = cidr.indexOf('/');
            InetAddress address = literal(slash < 0 ? cidr : cidr.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("aidline.edge.trusted-proxies: '" + cidr + "' is not an IP address or CIDR range");
            }
            byte[] bytes = address.getAddress();
            int prefix;
            try {
                prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
            } catch (NumberFormatException notANumber) {
                throw new IllegalArgumentException("aidline.edge.trusted-proxies: '" + cidr + "' has no valid prefix length");
            }
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("aidline.edge.trusted-proxies: '" + cidr + "' has no valid prefix length");
            }
            return new Range(bytes, prefix, cidr);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (candidate[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest);
            return (candidate[whole] & mask) == (network[whole] & mask);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
