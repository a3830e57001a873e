package org.aidline.intake.payment;

import java.util.Map;

/**
 * The accounts aid is paid from: one per county where configured, otherwise the default, in
 * which {@code {county}} stands for the county code.
 */
public record Treasury(Map<String, String> accounts, String defaultAccount) {

    public Treasury {
        accounts = Map.copyOf(accounts);
        if (defaultAccount.isBlank()) {
            throw new IllegalArgumentException("A default treasury account is required");
        }
    }

    public String payerFor(String countyCode) {
        String account = accounts.get(countyCode);
        return account != null ? account : defaultAccount.replace("{county}", countyCode);
    }
}
