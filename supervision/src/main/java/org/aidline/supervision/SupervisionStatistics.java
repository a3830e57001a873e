package org.aidline.supervision;

import reactor.core.publisher.Mono;

/** Statistics computed where the data is, in one statement. */
public interface SupervisionStatistics {

    Mono<Statistics> of(CountyPeriod period);
}
