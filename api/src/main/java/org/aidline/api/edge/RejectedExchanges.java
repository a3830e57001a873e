package org.aidline.api.edge;

import org.aidline.api.problem.ProblemResponses;
import org.aidline.api.problem.ProblemType;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What Spring Security's firewall refuses up front (an unknown method, a path with encoded
 * slashes or NULs) is a problem too, not an empty 400. What it refuses later, when a header or a
 * query parameter is first read, reaches the problem handlers as the same exception.
 */
@Component
public class RejectedExchanges implements ServerExchangeRejectedHandler {

    private final ProblemResponses responses;

    public RejectedExchanges(ProblemResponses responses) {
        this.responses = responses;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        return responses.write(exchange, ProblemType.REJECTED_REQUEST);
    }
}
