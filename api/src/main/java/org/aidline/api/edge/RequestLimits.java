package org.aidline.api.edge;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aidline.api.problem.ProblemHandler;
import org.aidline.api.problem.ProblemResponses;
import org.aidline.api.problem.ProblemType;
import org.aidline.api.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** A request target or headers over the stated limits get 414 or 431 as problems, before anything else reads them. */
@Component
public class RequestLimits implements WebFilter, Ordered {

    private final EdgeProperties limits;
    private final ProblemResponses responses;

    public RequestLimits(EdgeProperties limits, ProblemResponses responses) {
        this.limits = limits;
        this.responses = responses;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String target = exchange.getRequest().getURI().getRawPath();
        String query = exchange.getRequest().getURI().getRawQuery();
        int length = target.length() + (query == null ? 0 : query.length() + 1);
        if (length > limits.maxUriLength()) {
            return refuse(exchange, ProblemType.URI_TOO_LONG, limits.maxUriLength());
        }
        long headerBytes = 0;
        for (Map.Entry<String, List<String>> header : exchange.getRequest().getHeaders().headerSet()) {
            for (String value : header.getValue()) {
                headerBytes += header.getKey().length() + value.length() + 4;
            }
        }
        if (headerBytes > limits.maxHeaderSize().toBytes()) {
            return refuse(exchange, ProblemType.HEADERS_TOO_LARGE, limits.maxHeaderSize().toBytes());
        }
        return chain.filter(exchange);
    }

    private Mono<Void> refuse(ServerWebExchange exchange, ProblemType type, long limit) {
        Problems problems = responses.problems();
        Locale locale = ProblemHandler.locale(exchange);
        return responses.write(exchange, problems.of(type, problems.message("problem." + type.slug() + ".detail", locale, limit), locale));
    }

    /** Before Spring Security, which would read the headers first. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
