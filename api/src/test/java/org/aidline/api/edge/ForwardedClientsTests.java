package org.aidline.api.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import org.aidline.api.edge.EdgeProperties.ClientHeader;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ForwardedClientsTests {

    private static final InetSocketAddress PROXY = new InetSocketAddress("10.1.2.3", 44123);
    private static final InetSocketAddress STRANGER = new InetSocketAddress("198.51.100.20", 51000);

    private final ForwardedClients clients = clients(ClientHeader.X_FORWARDED_FOR, "10.0.0.0/8", "192.168.7.1");

    @Test
    void aForwardedForFromAnUntrustedPeerIsIgnoredAndRemoved() {
        ServerHttpRequest request = clients.apply(from(STRANGER).header("X-Forwarded-For", "203.0.113.9").build());

        assertThat(request.getRemoteAddress()).isEqualTo(STRANGER);
        assertThat(request.getHeaders().containsHeader("X-Forwarded-For")).isFalse();
    }

    @Test
    void throughATrustedProxyTheClientItSawIsTheClient() {
        ServerHttpRequest request = clients.apply(from(PROXY).header("X-Forwarded-For", "203.0.113.9").build());

        assertThat(request.getRemoteAddress().getAddress().getHostAddress()).isEqualTo("203.0.113.9");
        assertThat(request.getHeaders().containsHeader("X-Forwarded-For")).isFalse();
    }

    @Test
    void anAddressTheClientPrependedIsPassedOverForTheRightMostUntrustedHop() {
        // The client wrote 1.1.1.1; its own address (203.0.113.9) was appended by the outer proxy (192.168.7.1),
        // which the inner one (the peer) appended in turn.
        ServerHttpRequest request = clients.apply(from(PROXY)
                .header("X-Forwarded-For", "1.1.1.1, 203.0.113.9", "192.168.7.1").build());

        assertThat(request.getRemoteAddress().getAddress().getHostAddress()).isEqualTo("203.0.113.9");
    }

    @Test
    void aHopThatIsNoAddressEndsTheWalkAtTheLastTrustedOne() {
        ServerHttpRequest request = clients.apply(from(PROXY).header("X-Forwarded-For", "203.0.113.9, unknown, 10.9.9.9").build());

        assertThat(request.getRemoteAddress().getAddress().getHostAddress()).isEqualTo("10.9.9.9");
    }

    @Test
    void aHostNameIsNeverLookedUp() {
        ServerHttpRequest request = clients.apply(from(PROXY).header("X-Forwarded-For", "localhost, 999.1.1.1").build());

        assertThat(request.getRemoteAddress()).isEqualTo(PROXY);
    }

    @Test
    void onlyTrustedProxiesForwardingAtAllIsThePeer() {
        ServerHttpRequest request = clients.apply(from(PROXY).header("X-Forwarded-For", "10.4.4.4, 192.168.7.1").build());

        assertThat(request.getRemoteAddress().getAddress().getHostAddress()).isEqualTo("10.4.4.4");
    }

    @Test
    void theHeaderTheProxiesDoNotWriteIsIgnored() {
        // The proxies write X-Forwarded-For: a Forwarded header passed through from the client names nobody.
        ServerHttpRequest request = clients.apply(from(PROXY).header("Forwarded", "for=1.1.1.1")
                .header("X-Forwarded-For", "203.0.113.9").build());

        assertThat(request.getRemoteAddress().getAddress().getHostAddress()).isEqualTo("203.0.113.9");
        assertThat(request.getHeaders().containsHeader("Forwarded")).isFalse();
    }

    @Test
    void forwardedElementsAreReadWithQuotesPortsAndIpv6() {
        ForwardedClients rfc7239 = clients(ClientHeader.FORWARDED, "10.0.0.0/8", "2001:db8:ffff::/48");
        ServerHttpRequest request = rfc7239.apply(from(PROXY)
                .header("Forwarded", "for=1.1.1.1, for=\"[2001:db8:cafe::17]:4711\";proto=https, for=\"[2001:db8:ffff::1]\"")
                .build());

        assertThat(request.getRemoteAddress().getAddress().getHostAddress()).isEqualTo("2001:db8:cafe:0:0:0:0:17");
        assertThat(rfc7239.apply(from(PROXY).header("Forwarded", "for=203.0.113.9:5060;by=10.1.2.3").build())
                .getRemoteAddress().getAddress().getHostAddress()).isEqualTo("203.0.113.9");
    }

    @Test
    void withNoTrustedProxiesEveryPeerIsTheClient() {
        ServerHttpRequest request = clients(ClientHeader.X_FORWARDED_FOR).apply(from(PROXY).header("X-Forwarded-For", "203.0.113.9").build());

        assertThat(request.getRemoteAddress()).isEqualTo(PROXY);
    }

    @Test
    void aRangeThatIsNoRangeStopsStartUp() {
        assertThatThrownBy(() -> clients(ClientHeader.X_FORWARDED_FOR, "10.0.0.0/33")).hasMessageContaining("10.0.0.0/33");
        assertThatThrownBy(() -> clients(ClientHeader.X_FORWARDED_FOR, "proxy.internal")).hasMessageContaining("proxy.internal");
    }

    @Test
    void nettysOwnForwardingStopsStartUp() {
        MockEnvironment environment = new MockEnvironment().withProperty("server.forward-headers-strategy", "native");

        assertThatThrownBy(() -> new ForwardedClients(properties(ClientHeader.X_FORWARDED_FOR, List.of()), environment))
                .hasMessageContaining("server.forward-headers-strategy");
    }

    @Test
    void rangesMatchByTheirPrefix() {
        TrustedProxies ranges = TrustedProxies.of(List.of("172.16.0.0/12", "fd00::/8"));

        assertThat(ranges.contains(TrustedProxies.literal("172.31.255.255"))).isTrue();
        assertThat(ranges.contains(TrustedProxies.literal("172.32.0.1"))).isFalse();
        assertThat(ranges.contains(TrustedProxies.literal("fdab::1"))).isTrue();
        assertThat(ranges.contains(TrustedProxies.literal("fe80::1"))).isFalse();
        assertThat(ranges.contains(TrustedProxies.literal("::ffff:172.16.0.1"))).as("an IPv4-mapped address is its IPv4 one").isTrue();
    }

    private static MockServerHttpRequest.BaseBuilder<?> from(InetSocketAddress peer) {
        return MockServerHttpRequest.post("/api/v1/reports").remoteAddress(peer);
    }

    private static ForwardedClients clients(ClientHeader header, String... trusted) {
        return new ForwardedClients(properties(header, List.of(trusted)), new MockEnvironment());
    }

    private static EdgeProperties properties(ClientHeader header, List<String> trusted) {
        MockEnvironment environment = new MockEnvironment().withProperty("aidline.edge.client-header", header.name());
        for (int i = 0; i < trusted.size(); i++) {
            environment.setProperty("aidline.edge.trusted-proxies[" + i + "]", trusted.get(i));
        }
        return Binder.get(environment).bindOrCreate("aidline.edge", EdgeProperties.class);
    }
}
