package org.aidline.api.monitoring.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.aidline.intake.personaldata.PersonalDataProtector;
import org.aidline.intake.personaldata.ProtectedResidentId;
import org.aidline.intake.report.ResidentId;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * People in the registry for these tests, put there by SQL: the registry's CSV import is another
 * piece of work, and these tests are about what events and flag outcomes do to enrolments.
 */
final class RegistryPeople {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private final DatabaseClient database;
    private final PersonalDataProtector protector;

    RegistryPeople(DatabaseClient database, PersonalDataProtector protector) {
        this.database = database;
        this.protector = protector;
    }

    /** A valid resident ID number of the county nobody else's test uses (random birth date and sequence). */
    static String newIdNumber(String county) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDate born = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 65));
        String body = county + String.format("%04d%02d%02d%03d", born.getYear(), born.getMonthValue(), born.getDayOfMonth(),
                random.nextInt(1000));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    /** A member of a household of their own in the village, with one enrolment per entry of {@code enrolments} (programme:STATUS). */
    void enrol(String idNumber, String village, List<String> enrolments) {
        ProtectedResidentId id = protector.protect(new ResidentId(idNumber));
        UUID household = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String county = village.substring(0, 6);
        database.sql("insert into household (id, county_code, village_code, created_at, updated_at) values (:id, :county, :village, :at, :at)")
                .bind("id", household).bind("county", county).bind("village", village).bind("at", now)
                .then().block(Duration.ofSeconds(10));
        database.sql("""
                        insert into member (id, household_id, county_code, village_code, name_cipher, name_masked, id_number_cipher,
                                            id_number_hash, id_number_masked, created_at, updated_at)
                        values (:id, :household, :county, :village, :name, '马*', :cipher, :hash, :masked, :at, :at)
                        """)
                .bind("id", member).bind("household", household).bind("county", county).bind("village", village)
                .bind("name", "test".getBytes(StandardCharsets.UTF_8)).bind("cipher", id.ciphertext()).bind("hash", id.householdKey())
                .bind("masked", id.masked()).bind("at", now)
                .then().block(Duration.ofSeconds(10));
        for (String enrolment : enrolments) {
            String[] parts = enrolment.split(":");
            boolean ended = parts[1].equals("ENDED");
            database.sql("""
                            insert into enrolment (id, member_id, programme, county_code, village_code, monthly_amount_fen, starts_on, status,
                                                   ended_on, created_at, updated_at)
                            values (:id, :member, :programme, :county, :village, 60000, date '2024-01-01', :status,
                                    case when :ended then date '2024-12-31' end, :at, :at)
                            """)
                    .bind("id", UUID.randomUUID()).bind("member", member).bind("programme", parts[0]).bind("county", county)
                    .bind("village", village).bind("status", parts[1]).bind("ended", ended).bind("at", now)
                    .then().block(Duration.ofSeconds(10));
        }
    }

    /** The person's enrolments as "PROGRAMME:STATUS:amount", by programme. */
    List<String> enrolments(String idNumber) {
        return database.sql("""
                        select e.programme || ':' || e.status || ':' || e.monthly_amount_fen as line
                        from enrolment e join member m on m.id = e.member_id
                        where m.id_number_hash = :hash order by e.programme
                        """)
                .bind("hash", protector.householdKey(new ResidentId(idNumber)))
                .map(row -> row.get("line", String.class)).all().collectList().block(Duration.ofSeconds(10));
    }

    /** The person's enrolments' history as "PROGRAMME:STATUS:SOURCE", oldest first. */
    List<String> history(String idNumber) {
        return database.sql("""
                        select e.programme || ':' || c.status || ':' || c.source as line
                        from enrolment_change c join enrolment e on e.id = c.enrolment_id join member m on m.id = e.member_id
                        where m.id_number_hash = :hash order by c.id
                        """)
                .bind("hash", protector.householdKey(new ResidentId(idNumber)))
                .map(row -> row.get("line", String.class)).all().collectList().block(Duration.ofSeconds(10));
    }

    /** Reports filed about the person (any channel). */
    long reportsAbout(String idNumber) {
        return database.sql("select count(*) as n from report where subject_id_hash = :hash")
                .bind("hash", protector.householdKey(new ResidentId(idNumber)))
                .map(row -> row.get("n", Long.class)).one().block(Duration.ofSeconds(10));
    }
}
