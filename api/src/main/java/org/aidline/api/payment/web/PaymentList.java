package org.aidline.api.payment.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A page of payment instructions, newest first. */
public record PaymentList(
        List<PaymentResponse> items,
        @Schema(description = "Pass as ?cursor= for the next page; absent on the last page") @Nullable String nextCursor) {
}
