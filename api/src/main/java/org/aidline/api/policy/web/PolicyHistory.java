package org.aidline.api.policy.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Every version of a county's own policy, newest first; empty while the county follows the province default. */
public record PolicyHistory(
        @Schema(example = "640104") String countyCode,
        List<PolicyResponse> versions) {
}
