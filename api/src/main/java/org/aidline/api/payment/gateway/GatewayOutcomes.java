package org.aidline.api.payment.gateway;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.util.concurrent.TimeoutException;
import org.aidline.api.outbound.AccessTokenUnavailableException;
import org.aidline.intake.payment.GatewayOutcome;
import org.jspecify.annotations.Nullable;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * Classifies what the gateway answered, or what went wrong on the way, into the outcomes the
 * dispatcher acts on. When in doubt, transient: asking again is always safe, since the gateway
 * refuses a reference it already has.
 */
public final class GatewayOutcomes {

    private GatewayOutcomes() {
    }

    /** A disbursement's status as G2P Connect reports it (RCVD, PDNG, SUCC, RJCT and a reason code). */
    public static GatewayOutcome ofStatus(@Nullable String status, @Nullable String reasonCode, @Nullable String reasonMessage) {
        if ("SUCC".equals(status)) {
            return GatewayOutcome.paid();
        }
        if ("RCVD".equals(status) || "PDNG".equals(status)) {
            return GatewayOutcome.accepted(status);
        }
        if ("RJCT".equals(status)) {
            if (G2p.DUPLICATE_REFERENCE.equals(reasonCode)) {
                return GatewayOutcome.duplicate();
            }
            return GatewayOutcome.rejected(reason(reasonCode, reasonMessage));
        }
        return GatewayOutcome.transientFailure("unknown disbursement status " + status);
    }

    /** An HTTP answer about many references (a bulk disburse or status query): one outcome each, in order. */
    static java.util.List<GatewayOutcome> ofResponses(int httpStatus, G2p.@Nullable Reply reply, java.util.List<String> referenceIds) {
        if (referenceIds.size() == 1) {
            return java.util.List.of(ofResponse(httpStatus, reply, referenceIds.get(0)));
        }
        // Indexed once: a batch of a thousand is not searched a thousand times.
        java.util.Map<String, G2p.ItemStatus> items = reply == null ? java.util.Map.of() : reply.byReference();
        return referenceIds.stream().map(reference -> {
            G2p.ItemStatus item = items.get(reference);
            if (item != null && httpStatus < 300) {
                return ofStatus(item.status(), item.statusReasonCode(), item.statusReasonMessage());
            }
            // Without its own status, a reference shares the message's fate (refused, unavailable, ...).
            return ofResponse(httpStatus, item == null ? withoutItems(reply) : reply, reference);
        }).toList();
    }

    private static G2p.@Nullable Reply withoutItems(G2p.@Nullable Reply reply) {
        // An acknowledgement of the whole message (ACK, results later) still counts for each reference.
        return reply == null ? null : new G2p.Reply(reply.header(),
                reply.message() == null ? null : new G2p.ReplyMessage(reply.message().ackStatus(), null, null));
    }

    /** An HTTP answer, with its body if it had a readable one. */
    static GatewayOutcome ofResponse(int httpStatus, G2p.@Nullable Reply reply, String referenceId) {
        if (httpStatus == 409) {
            return GatewayOutcome.duplicate();
        }
        if (isUnavailable(httpStatus)) {
            return GatewayOutcome.transientFailure("HTTP " + httpStatus);
        }
        if (httpStatus == 401 || httpStatus == 403 || httpStatus == 404) {
            // Our credentials or address are wrong, not the instruction: it waits for the configuration to be fixed.
            return GatewayOutcome.transientFailure("HTTP " + httpStatus + ": the gateway refuses our credentials or address");
        }
        G2p.ItemStatus item = reply == null ? null : reply.item(referenceId);
        if (item != null) {
            return ofStatus(item.status(), item.statusReasonCode(), item.statusReasonMessage());
        }
        G2p.ReplyHeader header = reply == null ? null : reply.header();
        if (header != null && G2p.DUPLICATE_REFERENCE.equals(header.statusReasonCode())) {
            return GatewayOutcome.duplicate();
        }
        if (httpStatus >= 400) {
            return GatewayOutcome.rejected("HTTP " + httpStatus
                    + (header == null ? "" : ": " + reason(header.statusReasonCode(), header.statusReasonMessage())));
        }
        if (reply != null && reply.message() != null && "ACK".equals(reply.message().ackStatus())) {
            return GatewayOutcome.accepted("ACK");
        }
        // A refused envelope (version, message id, ...) says nothing about the instruction itself.
        return GatewayOutcome.transientFailure(header != null && "RJCT".equals(header.status())
                ? "message refused: " + reason(header.statusReasonCode(), header.statusReasonMessage())
                : "no status for the reference in the answer");
    }

    /** A call that got no usable answer: a timeout, a reset connection, an open breaker, a 5xx. */
    static GatewayOutcome ofFailure(Throwable failure) {
        if (failure instanceof CallNotPermittedException) {
            return GatewayOutcome.transientFailure("circuit breaker open");
        }
        if (failure instanceof GatewayUnavailableException unavailable) {
            return GatewayOutcome.transientFailure("HTTP " + unavailable.status());
        }
        if (failure instanceof AccessTokenUnavailableException) {
            // Nothing was sent: the instruction waits for the bank's token endpoint, as for an outage.
            Throwable cause = failure.getCause() == null ? failure : failure.getCause();
            return GatewayOutcome.transientFailure("no access token for the gateway: " + cause.getClass().getSimpleName());
        }
        if (failure instanceof TimeoutException || hasCause(failure, io.netty.handler.timeout.ReadTimeoutException.class)) {
            return GatewayOutcome.transientFailure("timeout");
        }
        if (failure instanceof WebClientRequestException) {
            Throwable cause = failure.getCause() == null ? failure : failure.getCause();
            return GatewayOutcome.transientFailure("connection failed: " + cause.getClass().getSimpleName());
        }
        return GatewayOutcome.transientFailure("call failed: " + failure.getClass().getSimpleName());
    }

    static boolean isUnavailable(int httpStatus) {
        return httpStatus >= 500 || httpStatus == 408 || httpStatus == 429;
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String reason(@Nullable String code, @Nullable String message) {
        String text = (code == null ? "refused" : code) + (message == null || message.isBlank() ? "" : ": " + message);
        // last_error is shown to supervisors; a gateway's essay is cut short.
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
