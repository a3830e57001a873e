package org.aidline.supervision;

import reactor.core.publisher.Mono;

/** Statistics computed where the data is, a statement for each part. */
public interface SupervisionStatistics {

    Mono<Statistics> of(CountyPeriod period);

    /** The work-order figures of the period by village or coordinator, worst first, up to {@code limit} rows. */
    Mono<WorkOrderBreakdown> workOrders(CountyPeriod period, Breakdown by, int limit);
}
