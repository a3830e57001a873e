package org.aidline.intake.ledger;

import reactor.core.publisher.Mono;

/**
 * The registry's way into the fund ledger (it may not write intake's tables): appends the entry of
 * a payroll's or a campaign's payouts. Called inside the registry's own transaction, so that the
 * payouts and the money they move commit together or not at all.
 */
public interface ProgrammePostings {

    Mono<Void> post(ProgrammePosting posting);
}
