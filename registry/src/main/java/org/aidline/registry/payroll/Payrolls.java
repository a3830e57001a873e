package org.aidline.registry.payroll;

import java.util.UUID;
import reactor.core.publisher.Mono;

/** The payrolls. */
public interface Payrolls {

    /** The payroll, RUNNING, with a pending unit for each of its counties that has an active enrolment. */
    Mono<Payroll> create(Payroll payroll);

    Mono<Payroll> find(UUID id);
}
