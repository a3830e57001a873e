package org.aidline.api.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.aidline.api.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/** The seeded shape of MISSION.md: 5 prefectures, 22 counties, 2,217 villages, their people. */
@IntegrationTest
class ReferenceDataIntegrationTests {

    @Autowired
    DatabaseClient database;

    @Test
    void provinceHasItsPrefecturesCountiesAndVillages() {
        assertThat(count("select count(*) from prefecture")).isEqualTo(5);
        assertThat(count("select count(*) from county")).isEqualTo(22);
        assertThat(count("select count(*) from village")).isEqualTo(2217);
        assertThat(count("select count(*) from village where code = '640104001001'")).isEqualTo(1);
        assertThat(count("select count(*) from village where not synthetic")).isZero();
        assertThat(count("select count(*) from village v join township t on t.code = v.township_code "
                + "where substr(v.code, 1, 9) <> t.code or substr(v.code, 1, 6) <> v.county_code")).isZero();
    }

    @Test
    void everyTownshipStartsAtVillage001AndEveryCountyAtTownship001() {
        assertThat(count("select count(*) from township t where not exists "
                + "(select 1 from village v where v.code = t.code || '001')")).isZero();
        assertThat(count("select count(*) from county c where not exists "
                + "(select 1 from township t where t.code = c.code || '001')")).isZero();
    }

    @Test
    void everyVillageHasOneCoordinatorEveryTownshipOneSupervisorAndEveryCountyOne() {
        assertThat(count("select count(*) from village v where (select count(*) from staff_member s "
                + "where s.role = 'COORDINATOR' and s.region_code = v.code and s.user_id = 'coord-' || v.code) <> 1")).isZero();
        assertThat(count("select count(*) from county c where (select count(*) from staff_member s "
                + "where s.role = 'SUPERVISOR' and s.region_code = c.code and s.user_id = 'sup-' || c.code) <> 1")).isZero();
        // The chain's middle link (migration V9): one coordinator per township.
        assertThat(count("select count(*) from township t where (select count(*) from staff_member s "
                + "where s.role = 'COORDINATOR' and s.region_code = t.code and s.user_id = 'twp-' || t.code) <> 1")).isZero();
        // The township's supervisor (migration V13), who decides ordinary cases within the township's cap.
        assertThat(count("select count(*) from township t where (select count(*) from staff_member s "
                + "where s.role = 'SUPERVISOR' and s.region_code = t.code and s.user_id = 'twpsup-' || t.code) <> 1")).isZero();
        assertThat(count("select count(*) from staff_member")).isEqualTo(2217 + 220 + 220 + 22);
    }

    @Test
    void everyConnectionWaitsForALockFiveSecondsAtMost() {
        assertThat(database.sql("select current_setting('lock_timeout') as t").map(row -> row.get("t", String.class)).one().block())
                .isEqualTo("5s");
        assertThat(database.sql("select current_setting('idle_in_transaction_session_timeout') as t").map(row -> row.get("t", String.class))
                .one().block()).isEqualTo("1min");
    }

    long count(String sql) {
        return database.sql(sql).map(row -> row.get(0, Long.class)).one().block();
    }
}
