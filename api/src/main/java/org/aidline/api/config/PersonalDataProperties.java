package org.aidline.api.config;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Keys protecting resident ID numbers, base64: 32 bytes for AES-256, 32 or more for the keyed hash. */
@Validated
@ConfigurationProperties("aidline.personal-data")
public record PersonalDataProperties(@NotBlank String encryptionKey, @NotBlank String hashKey) {
}
