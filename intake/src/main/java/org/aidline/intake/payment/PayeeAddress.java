package org.aidline.intake.payment;

import java.util.HexFormat;

/**
 * The household's financial address as the gateway knows it. Aidline holds no bank accounts: the
 * address is a token, {@code token:<hex of the first 16 bytes of the household key>@aidline},
 * which the gateway's account mapper resolves to the account registered for the household. The
 * key is a keyed hash of the ID number, so the token reveals nothing about the person.
 */
public final class PayeeAddress {

    private static final int TOKEN_BYTES = 16;

    private PayeeAddress() {
    }

    public static String of(byte[] householdKey) {
        if (householdKey.length < TOKEN_BYTES) {
            throw new IllegalArgumentException("A household key has at least 16 bytes");
        }
        return "token:" + HexFormat.of().formatHex(householdKey, 0, TOKEN_BYTES) + "@aidline";
    }
}
