package org.aidline.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit trail ({@code aidline.audit.*}).
 *
 * @param chainKey base64 of the HMAC key that seals the chain (32 bytes or more); the embedded default brings a development key
 * @param sealPeriod how often committed events are sealed into the chain
 * @param sealBatch events sealed per statement
 */
@ConfigurationProperties("aidline.audit")
public record AuditProperties(String chainKey, @DefaultValue("true") boolean sealing, @DefaultValue("1s") Duration sealPeriod,
        @DefaultValue("2000") int sealBatch) {

    public AuditProperties {
        if (chainKey == null || java.util.Base64.getDecoder().decode(chainKey).length < 32) {
            throw new IllegalArgumentException("aidline.audit.chain-key must be base64 of at least 32 random bytes");
        }
    }

    public byte[] key() {
        return java.util.Base64.getDecoder().decode(chainKey);
    }
}
