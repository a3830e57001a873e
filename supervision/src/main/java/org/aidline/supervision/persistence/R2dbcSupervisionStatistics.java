package org.aidline.supervision.persistence;

import io.r2dbc.spi.Readable;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.aidline.supervision.Breakdown;
import org.aidline.supervision.CountyPeriod;
import org.aidline.supervision.Statistics;
import org.aidline.supervision.Statistics.Durations;
import org.aidline.supervision.SupervisionStatistics;
import org.aidline.supervision.WorkOrderBreakdown;
import org.aidline.supervision.WorkOrderRow;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every figure in one statement (one round trip): reports of the period by county and filing time
 * (index report_county_newest), time to grant from the grant's first PAYMENT entry (ledger_entry_first_payment, V11),
 * time to acknowledge from the county's tasks of the period (notification's task_assignment_view, on its county index), money from
 * the ledger's entries booked in the period (ledger_entry_county_at), percentiles by percentile_cont. The work
 * orders' clocks and the call-backs are {@link R2dbcWorkOrderStatistics}'s.
 */
public class R2dbcSupervisionStatistics implements SupervisionStatistics {

    static final String SQL = """
            with r as (
                select r.id, r.channel, r.category, r.triage_decision, r.created_at from report_view r where %1$s %2$s),
            paid as (
                -- Not from r: the materialised CTE hides the row count, and the planner would then hash all grants.
                select extract(epoch from (select min(le.at) from ledger_entry_view le where le.grant_id = g.id and le.kind = 'PAYMENT')
                                          - pr.created_at) as seconds
                from report_view pr join aid_grant_view g on g.report_id = pr.id where %9$s %10$s),
            paid_p as (
                select count(seconds) as n, percentile_cont(array[0.5, 0.9, 0.99]) within group (order by seconds) as p
                from paid where seconds is not null),
            acked_p as (
                select count(*) as n,
                       percentile_cont(array[0.5, 0.9, 0.99]) within group (order by extract(epoch from t.acknowledged_at - t.created_at)) as p
                from task_assignment_view t where %3$s %4$s and t.acknowledged_at is not null),
            money as (
                select coalesce(sum(le.amount_fen) filter (where le.kind in ('GRANT', 'ADJUSTMENT', 'REVOCATION')), 0) as granted,
                       coalesce(sum(le.amount_fen) filter (where le.kind = 'PAYMENT'), 0) as paid,
                       coalesce(-sum(le.amount_fen) filter (where le.kind = 'RECOVERY'), 0) as recovered
                from ledger_entry_view le where %5$s %6$s),
            decided as (
                select d.level, d.outcome, extract(epoch from d.decided_at - dr.created_at) as seconds
                from case_decision_view d join report_view dr on dr.id = d.report_id
                where d.kind = 'DECISION' and %11$s %12$s),
            decided_p as (
                select count(*) as n, percentile_cont(array[0.5, 0.9, 0.99]) within group (order by seconds) as p from decided),
            stepped as (
                select s.step, extract(epoch from s.at - sr.created_at) as seconds
                from case_step_view s join report_view sr on sr.id = s.report_id
                where %15$s %16$s),
            answered as (
                select extract(epoch from f.answered_at - f.referred_at) as seconds, f.amount_fen
                from referral_view f where f.answered_at is not null and %13$s %14$s),
            answered_p as (
                select count(*) as n, percentile_cont(array[0.5, 0.9, 0.99]) within group (order by seconds) as p,
                       coalesce(sum(amount_fen), 0) as paid_fen
                from answered)
            select (select count(*) from r) as reports,
                   (select cast(coalesce(jsonb_object_agg(k, n), '{}') as text) from (select channel as k, count(*) as n from r group by 1) x) as by_channel,
                   (select cast(coalesce(jsonb_object_agg(k, n), '{}') as text) from (select category as k, count(*) as n from r group by 1) x) as by_category,
                   (select cast(coalesce(jsonb_object_agg(k, n), '{}') as text)
                    from (select coalesce(triage_decision, 'NONE') as k, count(*) as n from r group by 1) x) as by_decision,
                   paid_p.n as grant_n, paid_p.p[1] as grant_p50, paid_p.p[2] as grant_p90, paid_p.p[3] as grant_p99,
                   acked_p.n as ack_n, acked_p.p[1] as ack_p50, acked_p.p[2] as ack_p90, acked_p.p[3] as ack_p99,
                   cast(money.granted as bigint) as granted, cast(money.paid as bigint) as paid, cast(money.recovered as bigint) as recovered,
                   (select count(*) from aid_grant_view g where %7$s and g.status = 'OVERDUE' %8$s) as overdue,
                   (select cast(coalesce(jsonb_object_agg(k, n), '{}') as text)
                    from (select level || ':' || outcome as k, count(*) as n from decided group by 1) x) as decisions_by_level,
                   decided_p.n as decision_n, decided_p.p[1] as decision_p50, decided_p.p[2] as decision_p90, decided_p.p[3] as decision_p99,
                   (select cast(coalesce(jsonb_object_agg(step, jsonb_build_array(n, p[1], p[2], p[3])), '{}') as text)
                    from (select step, count(*) as n, percentile_cont(array[0.5, 0.9, 0.99]) within group (order by seconds) as p
                          from stepped group by step) x) as time_to_step,
                   answered_p.n as answer_n, answered_p.p[1] as answer_p50, answered_p.p[2] as answer_p90, answered_p.p[3] as answer_p99,
                   cast(answered_p.paid_fen as bigint) as partner_paid
            from paid_p, acked_p, money, decided_p, answered_p
            """;

    private final DatabaseClient database;
    private final JsonMapper json;
    private final R2dbcWorkOrderStatistics workOrders;

    public R2dbcSupervisionStatistics(DatabaseClient database, JsonMapper json, R2dbcWorkOrderStatistics workOrders) {
        this.database = database;
        this.json = json;
        this.workOrders = workOrders;
    }

    @Override
    public Mono<Statistics> of(CountyPeriod period) {
        // The work orders' figures are a statement of their own (grouped by a key, shared with the breakdowns); a row is
        // read only while it is mapped, so the totals come first.
        return workOrders.totals(period)
                .flatMap(totals -> bind(database.sql(sql(period)), period).map(row -> statistics(row, totals)).one());
    }

    @Override
    public Mono<WorkOrderBreakdown> workOrders(CountyPeriod period, Breakdown by, int limit) {
        return workOrders.breakdown(period, by, limit);
    }

    /** The statement for a county (or region) and period; public to the bench through EXPLAIN, so kept plain. */
    static String sql(CountyPeriod period) {
        return SQL.formatted(county("r", period), within("r.created_at", period), county("t", period), within("t.created_at", period),
                county("le", period), within("le.at", period), county("g", period), within("g.documents_due_at", period),
                county("pr", period), within("pr.created_at", period), county("d", period), within("d.decided_at", period),
                county("f", period), within("f.answered_at", period), county("sr", period), within("s.at", period));
    }

    static String county(String alias, CountyPeriod period) {
        return period.countyCode() != null ? alias + ".county_code = :county" : alias + ".county_code like :region";
    }

    static String within(String column, CountyPeriod period) {
        return (period.from() == null ? "" : " and " + column + " >= :from") + (period.to() == null ? "" : " and " + column + " < :to");
    }

    static GenericExecuteSpec bind(GenericExecuteSpec spec, CountyPeriod period) {
        spec = period.countyCode() != null ? spec.bind("county", period.countyCode()) : spec.bind("region", period.regionPrefix() + "%");
        if (period.from() != null) {
            spec = spec.bind("from", period.from().atOffset(ZoneOffset.UTC));
        }
        if (period.to() != null) {
            spec = spec.bind("to", period.to().atOffset(ZoneOffset.UTC));
        }
        return spec;
    }

    private Statistics statistics(Readable row, WorkOrderRow totals) {
        return new Statistics(row.get("reports", Long.class), counts(row.get("by_channel", String.class)),
                counts(row.get("by_category", String.class)), counts(row.get("by_decision", String.class)),
                durations(row, "grant"), durations(row, "ack"),
                row.get("granted", Long.class), row.get("paid", Long.class), row.get("recovered", Long.class), row.get("overdue", Long.class),
                new Statistics.OrdinaryCases(counts(row.get("decisions_by_level", String.class)), steps(row.get("time_to_step", String.class)),
                        durations(row, "decision"), durations(row, "answer"), row.get("answer_n", Long.class), row.get("partner_paid", Long.class)),
                totals.workOrders(), totals.satisfaction());
    }

    /** Per step: [count, p50, p90, p99] in seconds. */
    private Map<String, Durations> steps(@Nullable String text) {
        Map<String, Durations> steps = new LinkedHashMap<>();
        if (text != null) {
            for (Map.Entry<String, JsonNode> entry : json.readTree(text).properties()) {
                JsonNode values = entry.getValue();
                steps.put(entry.getKey(), new Durations(values.get(0).asLong(), seconds(number(values.get(1))), seconds(number(values.get(2))),
                        seconds(number(values.get(3)))));
            }
        }
        return steps;
    }

    private static @Nullable Double number(JsonNode value) {
        return value == null || value.isNull() ? null : value.asDouble();
    }

    private static Durations durations(Readable row, String prefix) {
        return new Durations(row.get(prefix + "_n", Long.class), seconds(row.get(prefix + "_p50", Double.class)),
                seconds(row.get(prefix + "_p90", Double.class)), seconds(row.get(prefix + "_p99", Double.class)));
    }

    private static @Nullable Double seconds(@Nullable Double value) {
        return value == null ? null : Math.round(value * 1000.0) / 1000.0;
    }

    private Map<String, Long> counts(@Nullable String text) {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (text != null) {
            JsonNode tree = json.readTree(text);
            for (Map.Entry<String, JsonNode> entry : tree.properties()) {
                counts.put(entry.getKey(), entry.getValue().asLong());
            }
        }
        return counts;
    }
}
