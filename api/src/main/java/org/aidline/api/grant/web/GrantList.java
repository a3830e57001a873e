package org.aidline.api.grant.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A page of grants, oldest due first. */
public record GrantList(
        List<GrantResponse> items,
        @Schema(description = "Pass as ?cursor= for the next page; absent on the last page") @Nullable String nextCursor) {
}
