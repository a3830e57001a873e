package org.aidline.api.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;

/**
 * The ways to get a token the service accepts, named after the configured OpenID Connect issuer, and on
 * each operation the ones it takes: an operation that declares {@code security: []} (Open311's service
 * list, the development issuer) is public, every other one needs a token.
 */
final class ContractSecurity {

    static final String OAUTH2 = "oauth2";
    static final String OPENID_CONNECT = "openIdConnect";
    static final String BEARER = "bearer";
    private static final String JWT_RULES = " Access tokens are short-lived signed JWTs, checked as RFC 8725 (RFC8725) asks: the issuer's "
            + "keys and algorithm only (never alg none), issuer, audience and expiry verified on every request.";

    private ContractSecurity() {
    }

    static void declare(OpenAPI openApi, ContractProperties properties) {
        String issuer = properties.issuer().toString().replaceAll("/+$", "");
        // Keycloak's endpoint layout; any provider's real URLs are in its discovery document.
        String authorization = issuer + "/protocol/openid-connect/auth";
        String token = issuer + "/protocol/openid-connect/token";
        Components components = openApi.getComponents();
        components.addSecuritySchemes(OAUTH2, new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                .description("Authorization code with PKCE (S256) for the citizen and coordinator apps and the staff console; client "
                        + "credentials for machines (hotline platform, registry feed, payment gateway, monitor). Roles and region are "
                        + "claims of the token, not scopes." + JWT_RULES)
                .flows(new OAuthFlows()
                        .authorizationCode(new OAuthFlow().authorizationUrl(authorization).tokenUrl(token).refreshUrl(token)
                                .scopes(new Scopes().addString("openid", "Sign in with OpenID Connect")))
                        .clientCredentials(new OAuthFlow().tokenUrl(token).refreshUrl(token).scopes(new Scopes()))));
        components.addSecuritySchemes(OPENID_CONNECT, new SecurityScheme().type(SecurityScheme.Type.OPENIDCONNECT)
                .openIdConnectUrl(issuer + "/.well-known/openid-configuration")
                .description("The same provider, by OpenID Connect discovery." + JWT_RULES));
        components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("An access token from either flow, pasted as is; on the embedded default, from POST /dev/token." + JWT_RULES));
        List<SecurityRequirement> anyToken = List.of(new SecurityRequirement().addList(OAUTH2), new SecurityRequirement().addList(OPENID_CONNECT),
                new SecurityRequirement().addList(BEARER));
        openApi.setSecurity(anyToken);
        openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            if (operation.getSecurity() == null) {
                operation.setSecurity(anyToken);
            }
        }));
    }
}
