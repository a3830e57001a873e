package org.aidline.api.edge;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

/**
 * Who the client is, before any filter asks: the peer of the connection, unless that peer is one of
 * {@code aidline.edge.trusted-proxies}; then the right-most address of the forwarding header that is
 * not a trusted proxy. The left-most address is whatever the client wrote, so it is never taken as
 * such. Every forwarding header is then removed, from trusted peers too: the service builds no
 * absolute URL (its Locations are paths), so nothing downstream needs a forwarded host or scheme,
 * and nothing can be misled by one.
 */
@Component(WebHttpHandlerBuilder.FORWARDED_HEADER_TRANSFORMER_BEAN_NAME)
public class ForwardedClients extends ForwardedHeaderTransformer {

    private static final Logger log = LoggerFactory.getLogger(ForwardedClients.class);
    private static final Pattern FORWARDED_FOR = Pattern.compile("(?i)(?:^|;)\\s*for=(\"[^\"]*\"|[^;,\\s]*)");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3}):\\d{1,5}");
    private static final Pattern BRACKETED_WITH_PORT = Pattern.compile("(\\[[^]]*]):\\d{1,5}");

    private final TrustedProxies trusted;
    private final EdgeProperties.ClientHeader header;

    public ForwardedClients(EdgeProperties edge, Environment environment) {
        String strategy = environment.getProperty("server.forward-headers-strategy", "none").toLowerCase(Locale.ROOT);
        if (!strategy.equals("none")) {
            // NATIVE lets Reactor Netty take the left-most X-Forwarded-For from any peer before this class sees the
            // real peer; FRAMEWORK would replace this class with Spring's, which does the same.
            throw new IllegalStateException("server.forward-headers-strategy must be NONE (it is " + strategy
                    + "): the client address is taken by " + ForwardedClients.class.getName() + " from aidline.edge.trusted-proxies only");
        }
        this.trusted = TrustedProxies.of(edge.trustedProxies());
        this.header = edge.clientHeader();
        setRemoveOnly(true);
        log.info("Client addresses from {} only when the peer is a trusted proxy: {}", header, trusted.isEmpty() ? "none" : trusted);
    }

    @Override
    public ServerHttpRequest apply(ServerHttpRequest request) {
        InetSocketAddress peer = request.getRemoteAddress();
        InetSocketAddress client = clientOf(peer, request.getHeaders());
        ServerHttpRequest stripped = super.apply(request);
        return client == peer ? stripped : stripped.mutate().remoteAddress(client).build();
    }

    /** The right-most hop that is not a trusted proxy; a hop that is no address (unknown, obfuscated) ends the walk. */
    @Nullable InetSocketAddress clientOf(@Nullable InetSocketAddress peer, HttpHeaders headers) {
        if (peer == null || trusted.isEmpty() || !trusted.contains(peer.getAddress())) {
            return peer;
        }
        List<String> hops = header == EdgeProperties.ClientHeader.FORWARDED ? forwardedFor(headers) : xForwardedFor(headers);
        InetAddress client = peer.getAddress();
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = TrustedProxies.literal(withoutPort(hops.get(i)));
            if (hop == null) {
                break;
            }
            client = hop;
            if (!trusted.contains(hop)) {
                break;
            }
        }
        return client.equals(peer.getAddress()) ? peer : new InetSocketAddress(client, 0);
    }

    private static List<String> xForwardedFor(HttpHeaders headers) {
        List<String> hops = new ArrayList<>();
        for (String value : headers.getOrEmpty("X-Forwarded-For")) {
            for (String hop : value.split(",")) {
                hops.add(hop.strip());
            }
        }
        return hops;
    }

    /** RFC 7239: {@code for=192.0.2.60;proto=https, for="[2001:db8::17]:4711"}; an element without for= is a hop we cannot read. */
    private static List<String> forwardedFor(HttpHeaders headers) {
        List<String> hops = new ArrayList<>();
        for (String value : headers.getOrEmpty("Forwarded")) {
            for (String element : value.split(",")) {
                Matcher matcher = FORWARDED_FOR.matcher(element.strip());
                String node = matcher.find() ? matcher.group(1) : "";
                hops.add(node.length() >= 2 && node.startsWith("\"") && node.endsWith("\"") ? node.substring(1, node.length() - 1) : node);
            }
        }
        return hops;
    }

    private static String withoutPort(String hop) {
        Matcher v4 = IPV4_WITH_PORT.matcher(hop);
        if (v4.matches()) {
            return v4.group(1);
        }
        Matcher v6 = BRACKETED_WITH_PORT.matcher(hop);
        return v6.matches() ? v6.group(1) : hop;
    }
}
