package org.aidline.api.payment.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** G2P Connect's acknowledgement of a callback, with how many results changed an instruction. */
public record CallbackAck(Ack message) {

    /** ACK: received and recorded; results about settled or unknown references change nothing. */
    public record Ack(
            @JsonProperty("ack_status") String ackStatus,
            Instant timestamp,
            @JsonProperty("correlation_id") String correlationId,
            int settled) {
    }
}
