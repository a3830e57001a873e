package org.aidline.api.problem;

import java.util.Locale;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem straight to a response, for filters and security handlers that run before controllers. */
@Component
public class ProblemResponses {

    private final Problems problems;
    private final JsonMapper json;

    public ProblemResponses(Problems problems, JsonMapper json) {
        this.problems = problems;
        this.json = json;
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemType type) {
        Locale locale = ProblemHandler.locale(exchange);
        return write(exchange, problems.of(type, problems.detail(type, locale), locale));
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer body = response.bufferFactory().wrap(json.writeValueAsBytes(problem));
        return response.writeWith(Mono.just(body));
    }

    public Problems problems() {
        return problems;
    }
}
