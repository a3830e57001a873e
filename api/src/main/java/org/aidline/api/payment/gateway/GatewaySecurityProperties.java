package org.aidline.api.payment.gateway;

import org.aidline.api.outbound.EndpointSecurity;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Aidline proves who it is to the bank gateway ({@code aidline.payments.gateway.security.*}):
 * G2P Connect's bearer tokens by client credentials, and the bank's client certificate. The prod
 * profile refuses to pay out with neither.
 */
@ConfigurationProperties("aidline.payments.gateway.security")
public record GatewaySecurityProperties(EndpointSecurity.@Nullable OAuth2Client oauth2, @Nullable String sslBundle) {

    EndpointSecurity endpoint() {
        return new EndpointSecurity(oauth2, sslBundle);
    }
}
