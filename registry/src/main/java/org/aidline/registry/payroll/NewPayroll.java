package org.aidline.registry.payroll;

import java.time.YearMonth;
import org.aidline.registry.Programme;
import org.jspecify.annotations.Nullable;

/** A payroll asked for: programme and month, and a county (else every county of the supervisor's region). */
public record NewPayroll(Programme programme, YearMonth month, @Nullable String countyCode) {
}
