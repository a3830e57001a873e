package org.aidline.api.payouts;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * People in the registry for the payout tests, made with SQL (the CSV import is another feature's):
 * households, members with a made-up cipher and a unique ID hash, and their enrolments.
 */
final class RegistrySeed {

    private RegistrySeed() {
    }

    /**
     * {@code persons} people in the county, each ACTIVE in {@code programme} at {@code monthlyFen} from 2026-01-01;
     * every {@code secondEvery}-th also in ORPHAN_ALLOWANCE (a person in two programmes). The tag keeps runs apart.
     */
    static void people(DatabaseClient database, String tag, String county, int persons, String programme, long monthlyFen, int secondEvery) {
        database.sql("""
                        with people as (
                            select n, md5(:tag || ':' || n)::uuid as member_id, md5(:tag || ':h:' || n)::uuid as household_id
                            from generate_series(1, :persons) as n),
                        households as (
                            insert into household (id, county_code, village_code, created_at, updated_at)
                            select household_id, :county, :county || '010010', now(), now() from people),
                        members as (
                            insert into member (id, household_id, county_code, village_code, name_cipher, name_masked, id_number_cipher,
                                                id_number_hash, id_number_masked, created_at, updated_at)
                            select member_id, household_id, :county, :county || '010010', '\\x00'::bytea, '张*', '\\x00'::bytea,
                                   decode(md5(:tag || ':id:' || n) || md5(:tag || ':id2:' || n), 'hex'), '6401**********001X', now(), now()
                            from people)
                        insert into enrolment (id, member_id, programme, county_code, village_code, monthly_amount_fen, starts_on, status,
                                               created_at, updated_at)
                        select md5(:tag || ':e:' || n)::uuid, member_id, :programme, :county, :county || '010010', :monthly, date '2026-01-01',
                               'ACTIVE', now(), now() from people
                        union all
                        select md5(:tag || ':o:' || n)::uuid, member_id, 'ORPHAN_ALLOWANCE', :county, :county || '010010', 50000,
                               date '2026-01-01', 'ACTIVE', now(), now() from people where n % :every = 0
                        """)
                .bind("tag", tag).bind("persons", persons).bind("county", county).bind("programme", programme)
                .bind("monthly", monthlyFen).bind("every", secondEvery)
                .then().block();
    }
}
