package org.aidline.registry.disbursement;

/**
 * One transaction of a bank batch: the payout's id (its reference at the bank), its amount, the
 * person's key (their address token) and whether the bank already accepted it without a result.
 */
public record PayoutItem(long id, long amountFen, byte[] payeeKey, boolean accepted) {

    public static final String REFERENCE_PREFIX = "registry-";

    public String reference() {
        return REFERENCE_PREFIX + id;
    }
}
