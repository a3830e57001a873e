package org.aidline.api.dev;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.aidline.intake.access.Role;
import org.jspecify.annotations.Nullable;

/** Who the development token is for. */
public record DevTokenRequest(
        @Schema(example = "citizen-1") @NotBlank @Size(max = 128) String sub,
        @Schema(example = "[\"CITIZEN\"]") @NotNull @Size(min = 1, max = 10) List<@NotNull Role> roles,
        @Schema(example = "640104", description = "County (6 digits), township (9) or village (12 digits); required for staff roles")
        @Pattern(regexp = "\\d{6}|\\d{9}|\\d{12}") @Nullable String region,
        @Schema(example = "CHARITY_FEDERATION", description = "With PARTNER: the partner's code, whose referrals it answers")
        @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}") @Nullable String partner) {
}
