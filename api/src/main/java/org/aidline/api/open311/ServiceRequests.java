package org.aidline.api.open311;

import org.aidline.intake.access.Actor;
import org.aidline.intake.report.ReportReference;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reports as Open311 service requests, each shown only to whom the report is visible: the citizen
 * who filed it and staff of its region (as {@code Report.isVisibleTo} decides for the API).
 */
public interface ServiceRequests {

    /** The request if it exists and the reader may see it; empty otherwise, so references cannot be probed. */
    Mono<ServiceRequest> find(ReportReference reference, Actor reader);

    Flux<ServiceRequest> search(RequestSearch search, Actor reader);
}
