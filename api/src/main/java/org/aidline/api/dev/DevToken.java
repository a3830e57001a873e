package org.aidline.api.dev;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A token as an OAuth2 token endpoint returns it (RFC 6749 section 5.1). */
public record DevToken(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn) {
}
