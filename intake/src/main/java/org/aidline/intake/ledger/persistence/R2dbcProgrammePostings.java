package org.aidline.intake.ledger.persistence;

import java.time.ZoneOffset;
import org.aidline.intake.ledger.ProgrammePosting;
import org.aidline.intake.ledger.ProgrammePostings;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** Programme postings as ledger entries with no grant; the caller's transaction (if any) carries them. */
public class R2dbcProgrammePostings implements ProgrammePostings {

    private static final String POST = LedgerEntries.append(
            "select :county, null, :kind, :amount, :at, :actor, :reference, null");

    private final DatabaseClient database;

    public R2dbcProgrammePostings(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> post(ProgrammePosting posting) {
        return database.sql(POST)
                .bind("county", posting.countyCode())
                .bind("kind", posting.kind().name())
                .bind("amount", posting.amountFen())
                .bind("at", posting.at().atOffset(ZoneOffset.UTC))
                .bind("actor", posting.actor())
                .bind("reference", posting.reference())
                .then();
    }
}
