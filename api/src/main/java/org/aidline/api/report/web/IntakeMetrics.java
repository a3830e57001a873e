package org.aidline.api.report.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.aidline.intake.report.Channel;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Intake counters and latency, by channel and outcome; no personal data in any tag. */
@Component
public class IntakeMetrics {

    private final MeterRegistry meters;

    IntakeMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    public Mono<ResponseEntity<String>> timed(Channel channel, Mono<ResponseEntity<String>> filing) {
        return Mono.defer(() -> {
            Timer.Sample sample = Timer.start(meters);
            return filing.doOnEach(signal -> {
                if (signal.isOnNext() || signal.isOnError()) {
                    String outcome = signal.isOnError() ? "refused"
                            : signal.get().getHeaders().containsHeader(org.aidline.api.idempotency.IdempotentFiling.REPLAYED_HEADER)
                                    ? "replayed" : "filed";
                    sample.stop(Timer.builder("aidline.intake.duration")
                            .description("Time to answer a report filing")
                            .tag("channel", channel.name()).tag("outcome", outcome)
                            .publishPercentileHistogram()
                            .register(meters));
                    Counter.builder("aidline.intake.reports").description("Report filings by channel and outcome")
                            .tag("channel", channel.name()).tag("outcome", outcome).register(meters).increment();
                }
            });
        });
    }
}
