package org.aidline.api.outbound;

import org.jspecify.annotations.Nullable;

/** No access token could be had for an endpoint (its token endpoint down or refusing us): the call is not sent. */
public class AccessTokenUnavailableException extends RuntimeException {

    public AccessTokenUnavailableException(String endpoint, @Nullable Throwable cause) {
        super("No access token for " + endpoint + (cause == null ? "" : ": " + cause), cause);
    }
}
