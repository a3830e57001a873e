package org.aidline.api.idempotency;

/** Another request with the same idempotency key committed first. */
public class DuplicateReceiptException extends RuntimeException {

    public DuplicateReceiptException(Throwable cause) {
        super("An idempotency receipt with this key exists", cause);
    }
}
