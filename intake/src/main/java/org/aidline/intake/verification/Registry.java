package org.aidline.intake.verification;

import reactor.core.publisher.Mono;

/** An outside registry that answers means-test searches; never fails, but answers {@link RegistryAnswer.NotYet}. */
public interface Registry {

    Mono<RegistryAnswer> search(RegistrySearch search);
}
