package org.aidline.api.open311.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import org.aidline.api.open311.HandlingDeadlines;
import org.aidline.api.open311.ServiceRequest;
import org.aidline.intake.region.Counties;
import org.aidline.intake.region.County;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Renders service requests: times at the province's offset (+08:00) to the second, as the spec's
 * examples give local times; the agency is the county's civil-affairs bureau; the deadline from
 * {@link HandlingDeadlines}.
 */
@Component
class ServiceRequestViews {

    private static final DateTimeFormatter TIMES = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final HandlingDeadlines deadlines;
    private final Mono<Map<String, String>> countyNames;

    ServiceRequestViews(HandlingDeadlines deadlines, Counties counties) {
        this.deadlines = deadlines;
        // Reference data changes only with a migration, i.e. a new release: read once, but a failed read is tried again.
        this.countyNames = counties.all()
                .collectMap(County::code, County::name)
                .cache(read -> Duration.ofDays(1), failure -> Duration.ZERO, () -> Duration.ZERO);
    }

    Mono<ServiceRequestView> of(ServiceRequest request) {
        Mono<Optional<Instant>> deadline = deadlines.of(request.id()).map(Optional::of).defaultIfEmpty(Optional.empty());
        return Mono.zip(countyNames, deadline).map(found -> {
            String county = found.getT1().getOrDefault(request.countyCode(), request.countyCode());
            return new ServiceRequestView(request.reference().value(), RequestStatuses.of(request.status()),
                    RequestStatuses.notes(request.status()), Services.name(request.category()), request.category().name(),
                    county + " Civil Affairs Bureau", time(request.requestedAt()), time(request.updatedAt()),
                    found.getT2().map(ServiceRequestViews::time).orElse(null), request.villageName() + ", " + county, request.villageCode());
        });
    }

    static String time(Instant instant) {
        return TIMES.format(instant);
    }
}
