package org.aidline.api.idempotency;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.aidline.api.support.Filings;
import org.aidline.api.support.Tokens.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/** Fires the same request many times at once over real connections, as a flaky mobile network would. */
final class ConcurrentFiling {

    private ConcurrentFiling() {
    }

    static List<ResponseEntity<String>> fire(int port, Caller citizen, Map<String, Object> body, String key, int times) {
        WebClient client = WebClient.create("http://127.0.0.1:" + port);
        return Flux.range(0, times)
                .flatMap(attempt -> Filings.over(client, Filings.REPORTS, citizen.bearer(), key, body)
                        .exchangeToMono(response -> response.toEntity(String.class)), times)
                .collectList()
                .block(Duration.ofSeconds(60));
    }
}
