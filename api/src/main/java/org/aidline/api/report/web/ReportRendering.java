package org.aidline.api.report.web;

import org.aidline.intake.report.Report;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Renders a report's response once, the way it is sent and stored for idempotent replays. */
@Component
public class ReportRendering {

    private final ReportWebMapper mapper;
    private final JsonMapper json;

    ReportRendering(ReportWebMapper mapper, JsonMapper json) {
        this.mapper = mapper;
        this.json = json;
    }

    String render(Report report) {
        return json.writeValueAsString(mapper.toResponse(report));
    }

    /** The request as a canonical string: equal requests give equal fingerprints, whatever their whitespace. */
    public String canonical(String endpoint, ReportRequest request) {
        return endpoint + "\n" + json.writeValueAsString(request);
    }
}
