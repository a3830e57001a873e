package org.aidline.intake;

import java.time.Clock;
import org.aidline.intake.calendar.CalendarDesk;
import org.aidline.intake.calendar.CalendarYears;
import org.aidline.intake.calendar.persistence.R2dbcCalendarYears;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Wires the working-day calendar, which every limit in working days is counted in. */
@Configuration(proxyBeanMethods = false)
public class CalendarConfiguration {

    @Bean
    CalendarYears calendarYears(DatabaseClient database, TransactionalOperator transactions) {
        return new R2dbcCalendarYears(database, transactions, IntakeConfiguration.STORED_JSON);
    }

    @Bean
    CalendarDesk calendarDesk(CalendarYears years, Clock clock) {
        return new CalendarDesk(years, clock);
    }
}
