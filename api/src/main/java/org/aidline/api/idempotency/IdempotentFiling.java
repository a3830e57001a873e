package org.aidline.api.idempotency;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.aidline.api.problem.ProblemException;
import org.aidline.api.problem.ProblemType;
import org.aidline.intake.access.Actor;
import org.aidline.intake.report.FilingOutcome;
import org.aidline.intake.report.IdempotencyClaim;
import org.aidline.intake.report.NewReport;
import org.aidline.intake.report.Receipt;
import org.aidline.intake.report.Report;
import org.aidline.intake.report.ReportFiling;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
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

    IdempotentFiling(ReportFiling filing, RedisIdempotencyKeys keys) {
        this.filing = filing;
        this.keys = keys;
    }

    /**
     * Files the report for the actor. The response body is rendered once, stored with the
     * receipt and sent as stored, so that a replay is byte for byte the first answer.
     */
    public Mono<ResponseEntity<String>> file(Actor actor, NewReport report, @Nullable String key, String canonicalRequest,
            Function<Report, String> render) {
        if (key == null) {
            return filing.file(report, null, render).map(outcome -> respond((FilingOutcome.Filed) outcome, render));
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
            return state instanceof KeyState.Claimed
                    ? filed.onErrorResume(failure -> keys.release(claim.owner(), key).then(Mono.error(failure)))
                    : filed;
        });
    }

    private Mono<ResponseEntity<String>> fileOnce(NewReport report, IdempotencyClaim claim, Function<Report, String> render) {
        return filing.file(report, claim, render).flatMap(outcome -> {
            if (outcome instanceof FilingOutcome.Filed filed) {
                ResponseEntity<String> response = respond(filed, render);
                return keys.complete(claim.owner(), claim.key(), claim.fingerprint(), filed.report().id().toString(),
                        response.getStatusCode().value(), String.valueOf(response.getBody())).thenReturn(response);
            }
            Receipt receipt = ((FilingOutcome.AlreadyFiled) outcome).receipt();
            ResponseEntity<String> response = replay(claim, receipt.fingerprint(), receipt.reportId().toString(), receipt.status(), receipt.body());
            return keys.complete(claim.owner(), claim.key(), receipt.fingerprint(), receipt.reportId().toString(),
                    receipt.status(), receipt.body()).thenReturn(response);
        });
    }

    private static ResponseEntity<String> respond(FilingOutcome.Filed filed, Function<Report, String> render) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(location(filed.report().id().toString()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(render.apply(filed.report()));
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
