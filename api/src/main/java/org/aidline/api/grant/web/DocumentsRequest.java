package org.aidline.api.grant.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.aidline.api.report.web.ReportRequest;

/**
 * Documents to attach to a grant, validated as report attachments are. A type is one of the
 * grant's required documents or an extra; who attached it and when are the server's to say.
 */
@Schema(name = "DocumentsRequest")
public record DocumentsRequest(
        @NotNull @Size(min = 1, max = 20) List<ReportRequest.@NotNull @Valid AttachmentRequest> documents) {
}
