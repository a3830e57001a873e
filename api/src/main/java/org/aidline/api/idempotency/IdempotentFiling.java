package org.aidline.api.idempotency;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.aidline.api.problem.ProblemException;
import org.aidline.api.problem.ProblemType;
import org.aidline.intake.access.Actor;
import org.aidline.intake.report.NewReport;
import org.aidline.intake.report.Report;
import org.aidline.intake.report.ReportFiling;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Files a report under the IETF Idempotency-Key rules: the same key and body answer what the
 * first request answered, without a second report; the same key with another body is 422; the
 * same key while the first request runs is 409.
 */
@Component
public class IdempotentFiling {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final ReportFiling filing;
    private final RedisIdempotencyKeys keys;
    private final IdempotencyReceipts receipts;
    private final TransactionalOperator transactions;
    private final Clock clock;

    IdempotentFiling(ReportFiling filing, RedisIdempotencyKeys keys, IdempotencyReceipts receipts, TransactionalOperator transactions,
            Clock clock) {
        this.filing = filing;
        this.keys = keys;
        this.receipts = receipts;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Files the report for the actor. The response body is rendered once, stored with the
     * receipt in the filing's own transaction and sent as stored, so that a replay is byte for
     * byte the first answer.
     */
    public Mono<ResponseEntity<String>> file(Actor actor, NewReport report, @Nullable String key, String canonicalRequest,
            Function<Report, String> render) {
        if (key == null) {
            return inTransaction(filing.file(report).map(filed -> new Answered(filed, respond(filed, render))))
                    .map(Answered::response);
        }
        if (!KEY.matcher(key).matches()) {
            return Mono.error(new ProblemException(ProblemType.IDEMPOTENCY_KEY_INVALID, "An Idempotency-Key has 1 to 255 visible ASCII characters."));
        }
        IdempotencyClaim claim = new IdempotencyClaim(actor.subject(), key, fingerprint(canonicalRequest));
        return keys.claim(claim.owner(), key, claim.fingerprint()).flatMap(state -> {
            if (state instanceof KeyState.Completed done) {
                return Mono.just(replay(claim, done.fingerprint(), done.reportId(), done.status(), done.body()));
            }
            if (state instanceof KeyState.InFlight running) {
                return Mono.error(running.fingerprint().equals(claim.fingerprint())
                        ? new ProblemException(ProblemType.REQUEST_IN_FLIGHT, "A request with this Idempotency-Key is still being processed.")
                        : reused());
            }
            Mono<ResponseEntity<String>> filed = fileOnce(report, claim, render);
            // Cancelled (out of its time budget, or the client gone) is freed like failed: the database's receipt
            // still answers the retry of a filing that did commit.
            return state instanceof KeyState.Claimed
                    ? filed.onErrorResume(failure -> keys.release(claim.owner(), key).then(Mono.error(failure)))
                            .doOnCancel(() -> keys.release(claim.owner(), key).subscribe())
                    : filed;
        });
    }

    private Mono<ResponseEntity<String>> fileOnce(NewReport report, IdempotencyClaim claim, Function<Report, String> render) {
        Mono<Answered> filedWithReceipt = filing.file(report).flatMap(filed -> {
            ResponseEntity<String> response = respond(filed, render);
            Receipt receipt = new Receipt(claim.fingerprint(), filed.id().value(), response.getStatusCode().value(),
                    String.valueOf(response.getBody()));
            return receipts.record(claim, receipt, filed.createdAt()).thenReturn(new Answered(filed, response));
        });
        return inTransaction(filedWithReceipt)
                .flatMap(answered -> keys.complete(claim.owner(), claim.key(), claim.fingerprint(), answered.report().id().toString(),
                        answered.response().getStatusCode().value(), String.valueOf(answered.response().getBody()))
                        .thenReturn(answered.response()))
                // Another request with the key committed first: ours was rolled back whole; answer theirs.
                .onErrorResume(DuplicateReceiptException.class, duplicate -> receipts.find(claim.owner(), claim.key())
                        .flatMap(receipt -> keys.complete(claim.owner(), claim.key(), receipt.fingerprint(), receipt.reportId().toString(),
                                        receipt.status(), receipt.body())
                                .then(Mono.fromCallable(() -> replay(claim, receipt.fingerprint(), receipt.reportId().toString(),
                                        receipt.status(), receipt.body()))))
                        .switchIfEmpty(Mono.error(duplicate)));
    }

    /** The filing and what is recorded beside it commit together; a collision files again in a new transaction. */
    private Mono<Answered> inTransaction(Mono<Answered> work) {
        return Mono.defer(() -> transactions.transactional(work))
                .retryWhen(ReportFiling.RETRY_ON_COLLISION)
                .doOnNext(answered -> filing.committed(answered.report()));
    }

    private static ResponseEntity<String> respond(Report filed, Function<Report, String> render) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(location(filed.id().toString()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(render.apply(filed));
    }

    private record Answered(Report report, ResponseEntity<String> response) {
    }

    private static ResponseEntity<String> replay(IdempotencyClaim claim, String fingerprint, String reportId, int status, String body) {
        if (!fingerprint.equals(claim.fingerprint())) {
            throw reused();
        }
        return ResponseEntity.status(status)
                .location(location(reportId))
                .header(REPLAYED_HEADER, "true")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }

    private static ProblemException reused() {
        return new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED, "This Idempotency-Key was already used for a different request.");
    }

    private static URI location(String reportId) {
        return URI.create("/api/v1/reports/" + reportId);
    }

    public static String fingerprint(String canonicalRequest) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalRequest.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
