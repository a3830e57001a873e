package org.aidline.api.ledger.web;

import java.math.BigDecimal;
import org.aidline.intake.grant.GrantId;
import org.aidline.intake.ledger.LedgerPage;
import org.aidline.intake.ledger.RecordedEntry;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;
import org.mapstruct.NullValueCheckStrategy;

/** From ledger entries (signed fen) to their JSON (signed yuan). */
@Mapper(nullValueCheckStrategy = NullValueCheckStrategy.ALWAYS)
public interface LedgerWebMapper {

    @Mapping(target = "countyCode", source = "entry.countyCode")
    @Mapping(target = "grantId", source = "entry.grant")
    @Mapping(target = "kind", source = "entry.kind")
    @Mapping(target = "amount", source = "entry.amountFen", qualifiedByName = "yuan")
    @Mapping(target = "at", source = "entry.at")
    @Mapping(target = "actor", source = "entry.actor")
    LedgerEntryView toView(RecordedEntry entry);

    default LedgerList toList(LedgerPage page) {
        return new LedgerList(page.entries().stream().map(this::toView).toList(), page.next() == null ? null : page.next().encode());
    }

    /** Fen to yuan: named, so that no built-in number conversion can take its place. */
    @Named("yuan")
    default BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }

    default String id(GrantId id) {
        return id.toString();
    }
}
