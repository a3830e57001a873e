package org.aidline.api.audit;

import java.util.UUID;
import java.util.regex.Pattern;
import org.aidline.intake.audit.AuditContext;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Puts who is acting and the request id into the Reactor context of every request, after
 * authentication, so that every write it makes is recorded under them. The request id is the
 * caller's {@code X-Request-Id} when it is a sane token, else a new one; it is echoed back.
 */
@Component
public class AuditContextFilter implements WebFilter, Ordered {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String offered = exchange.getRequest().getHeaders().getFirst(HEADER);
        String requestId = offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        exchange.getResponse().getHeaders().set(HEADER, requestId);
        return exchange.getPrincipal()
                .map(principal -> principal.getName())
                .defaultIfEmpty("anonymous")
                .flatMap(actor -> chain.filter(exchange).contextWrite(context -> context.put(AuditContext.class, new AuditContext(actor, requestId))));
    }

    /** After Spring Security's filter chain (order -100), which establishes the principal. */
    @Override
    public int getOrder() {
        return 0;
    }
}
