package org.aidline.intake.policy.persistence;

import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aidline.intake.money.Money;
import org.aidline.intake.policy.Policies;
import org.aidline.intake.policy.Policy;
import org.aidline.intake.policy.PolicyRevision;
import org.aidline.intake.policy.PolicyVersion;
import org.aidline.intake.report.Category;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Policies in PostgreSQL; intervals are read as seconds so no driver-specific type leaks out. A new
 * version is added in a transaction (the caller's, if any) that records who changed it for the audit trail.
 */
public class R2dbcPolicies implements Policies {

    static final String COLUMNS = "county_code, version, fast_track_categories, referral_categories, excluded_categories, "
            + "minimum_living_fen, cap_fen, standard_amounts::text as standard_amounts, required_documents::text as required_documents, "
            + "extract(epoch from documents_deadline)::bigint as documents_deadline_s, "
            + "extract(epoch from frequency_window)::bigint as frequency_window_s, "
            + "extract(epoch from urgent_acknowledgement)::bigint as urgent_acknowledgement_s, "
            + "extract(epoch from normal_acknowledgement)::bigint as normal_acknowledgement_s, "
            + "township_cap_fen, ordinary_case::text as ordinary_case, work_orders::text as work_orders";

    static final String REVISION_COLUMNS = COLUMNS + ", changed_by, changed_at, reason";

    /** The columns {@link #policy(Readable)} reads, for queries elsewhere that fetch a policy with something else. */
    public static final String IN_FORCE_COLUMNS = COLUMNS;

    // The county must exist; the province default is kept under a code that is no county.
    private static final String IN_FORCE = "select " + REVISION_COLUMNS + " from policy where county_code in (:county, :province) "
            + "and (:county = :province or exists (select 1 from county where code = :county)) "
            + "order by (county_code = :county) desc, version desc limit 1";

    // One statement: the version number is taken only if the policy in force is still the one the change was based on.
    private static final String ADD = """
            with in_force as (
                select county_code, version from policy where county_code in (:county, :province)
                order by (county_code = :county) desc, version desc limit 1)
            insert into policy (county_code, version, fast_track_categories, referral_categories, excluded_categories,
                minimum_living_fen, cap_fen, standard_amounts, required_documents, documents_deadline, frequency_window,
                urgent_acknowledgement, normal_acknowledgement, changed_by, changed_at, reason, township_cap_fen, ordinary_case,
                work_orders)
            select :county, :version, cast(:fastTrack as text[]), cast(:referral as text[]), cast(:excluded as text[]),
                :minimumLivingFen, :capFen, cast(:standardAmounts as jsonb), cast(:requiredDocuments as jsonb),
                :documentsDeadlineS * interval '1 second', :frequencyWindowS * interval '1 second',
                :urgentAcknowledgementS * interval '1 second', :normalAcknowledgementS * interval '1 second',
                :changedBy, :changedAt, :reason, :townshipCapFen, cast(:ordinaryCase as jsonb), cast(:workOrders as jsonb)
            from in_force where in_force.county_code = :basedOnCounty and in_force.version = :basedOnVersion
            """;

    private static final TypeReference<Map<String, List<Long>>> AMOUNTS = new TypeReference<>() { };
    private static final TypeReference<Map<String, List<String>>> DOCUMENTS = new TypeReference<>() { };

    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final JsonMapper json;

    public R2dbcPolicies(DatabaseClient database, TransactionalOperator transactions, JsonMapper json) {
        this.database = database;
        this.transactions = transactions;
        this.json = json;
    }

    @Override
    public Mono<Policy> inForce(String countyCode) {
        return database.sql("select " + COLUMNS + " from policy where county_code in (:county, :province) "
                        + "order by (county_code = :county) desc, version desc limit 1")
                .bind("county", countyCode)
                .bind("province", Policy.PROVINCE_DEFAULT)
                .map((row, metadata) -> policy(row))
                .one();
    }

    @Override
    public Mono<PolicyRevision> revisionInForce(String countyCode) {
        return database.sql(IN_FORCE)
                .bind("county", countyCode)
                .bind("province", Policy.PROVINCE_DEFAULT)
                .map((row, metadata) -> revision(row))
                .one();
    }

    @Override
    public Flux<PolicyRevision> history(String countyCode) {
        return database.sql("select " + REVISION_COLUMNS + " from policy where county_code = :county order by version desc")
                .bind("county", countyCode)
                .map((row, metadata) -> revision(row))
                .all();
    }

    @Override
    public Mono<Boolean> add(PolicyRevision revision, PolicyVersion basedOn) {
        Policy policy = revision.policy();
        Map<String, List<Long>> amounts = new java.util.LinkedHashMap<>();
        policy.standardAmounts().forEach((category, money) -> amounts.put(category.name(), money.stream().map(Money::fen).toList()));
        Map<String, List<String>> documents = new java.util.LinkedHashMap<>();
        policy.requiredDocuments().forEach((category, names) -> documents.put(category.name(), names));
        Money fixedTownshipCap = policy.ordinaryCase().fixedTownshipCap();
        var spec = fixedTownshipCap == null ? database.sql(ADD).bindNull("townshipCapFen", Long.class)
                : database.sql(ADD).bind("townshipCapFen", fixedTownshipCap.fen());
        return spec
                .bind("county", policy.countyCode())
                .bind("province", Policy.PROVINCE_DEFAULT)
                .bind("version", policy.version())
                .bind("fastTrack", names(policy.fastTrackCategories()))
                .bind("referral", names(policy.referralCategories()))
                .bind("excluded", names(policy.excludedCategories()))
                .bind("minimumLivingFen", policy.minimumLivingStandard().fen())
                .bind("capFen", policy.cap().fen())
                .bind("standardAmounts", json.writeValueAsString(amounts))
                .bind("requiredDocuments", json.writeValueAsString(documents))
                .bind("documentsDeadlineS", policy.documentsDeadline().toSeconds())
                .bind("frequencyWindowS", policy.frequencyWindow().toSeconds())
                .bind("urgentAcknowledgementS", policy.urgentAcknowledgement().toSeconds())
                .bind("normalAcknowledgementS", policy.normalAcknowledgement().toSeconds())
                .bind("changedBy", revision.changedBy())
                .bind("changedAt", revision.changedAt().atOffset(ZoneOffset.UTC))
                .bind("reason", revision.reason())
                .bind("ordinaryCase", StoredCaseRules.write(json, policy.ordinaryCase()))
                .bind("workOrders", StoredWorkOrderRules.write(json, policy.workOrders()))
                .bind("basedOnCounty", basedOn.countyCode())
                .bind("basedOnVersion", basedOn.version())
                .fetch().rowsUpdated()
                .as(transactions::transactional)
                .map(rows -> rows == 1)
                // Two changes based on the same version: the primary key lets only one take the number.
                .onErrorResume(DataIntegrityViolationException.class,
                        taken -> String.valueOf(taken.getMessage()).contains("policy_pkey") ? Mono.just(false) : Mono.error(taken));
    }

    PolicyRevision revision(Readable row) {
        return new PolicyRevision(policy(row), row.get("changed_by", String.class),
                row.get("changed_at", OffsetDateTime.class).toInstant(), row.get("reason", String.class));
    }

    private static String[] names(Set<Category> categories) {
        return categories.stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    public Policy policy(Readable row) {
        Map<Category, List<Money>> amounts = new EnumMap<>(Category.class);
        json.readValue(row.get("standard_amounts", String.class), AMOUNTS)
                .forEach((category, fen) -> amounts.put(Category.valueOf(category), fen.stream().map(Money::ofFen).toList()));
        Map<Category, List<String>> documents = new EnumMap<>(Category.class);
        json.readValue(row.get("required_documents", String.class), DOCUMENTS)
                .forEach((category, names) -> documents.put(Category.valueOf(category), names));
        return new Policy(
                row.get("county_code", String.class),
                row.get("version", Integer.class),
                categories(row.get("fast_track_categories", String[].class)),
                categories(row.get("referral_categories", String[].class)),
                categories(row.get("excluded_categories", String[].class)),
                Money.ofFen(row.get("minimum_living_fen", Long.class)),
                Money.ofFen(row.get("cap_fen", Long.class)),
                amounts,
                documents,
                Duration.ofSeconds(row.get("documents_deadline_s", Long.class)),
                Duration.ofSeconds(row.get("frequency_window_s", Long.class)),
                Duration.ofSeconds(row.get("urgent_acknowledgement_s", Long.class)),
                Duration.ofSeconds(row.get("normal_acknowledgement_s", Long.class)),
                StoredCaseRules.read(json, row.get("township_cap_fen", Long.class), row.get("ordinary_case", String.class)),
                StoredWorkOrderRules.read(json, row.get("work_orders", String.class)));
    }

    private static Set<Category> categories(String[] names) {
        Set<Category> categories = EnumSet.noneOf(Category.class);
        for (String name : names) {
            categories.add(Category.valueOf(name));
        }
        return categories;
    }
}
