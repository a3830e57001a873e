package org.aidline.intake.policy.persistence;

import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aidline.intake.money.Money;
import org.aidline.intake.policy.Policies;
import org.aidline.intake.policy.Policy;
import org.aidline.intake.report.Category;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Policies in PostgreSQL; intervals are read as seconds so no driver-specific type leaks out. */
public class R2dbcPolicies implements Policies {

    static final String COLUMNS = "county_code, version, fast_track_categories, referral_categories, excluded_categories, "
            + "minimum_living_fen, cap_fen, standard_amounts::text as standard_amounts, required_documents::text as required_documents, "
            + "extract(epoch from documents_deadline)::bigint as documents_deadline_s, "
            + "extract(epoch from frequency_window)::bigint as frequency_window_s, "
            + "extract(epoch from urgent_acknowledgement)::bigint as urgent_acknowledgement_s, "
            + "extract(epoch from normal_acknowledgement)::bigint as normal_acknowledgement_s";

    private static final TypeReference<Map<String, List<Long>>> AMOUNTS = new TypeReference<>() { };
    private static final TypeReference<Map<String, List<String>>> DOCUMENTS = new TypeReference<>() { };

    private final DatabaseClient database;
    private final JsonMapper json;

    public R2dbcPolicies(DatabaseClient database, JsonMapper json) {
        this.database = database;
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

    Policy policy(Readable row) {
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
                Duration.ofSeconds(row.get("normal_acknowledgement_s", Long.class)));
    }

    private static Set<Category> categories(String[] names) {
        Set<Category> categories = EnumSet.noneOf(Category.class);
        for (String name : names) {
            categories.add(Category.valueOf(name));
        }
        return categories;
    }
}
