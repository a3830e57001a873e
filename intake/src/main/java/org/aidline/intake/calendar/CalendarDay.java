package org.aidline.intake.calendar;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A day the State Council's notice names: a holiday ({@code off}) or a weekend day worked in exchange (调休). */
public record CalendarDay(LocalDate date, boolean off, @Nullable String name) {
}
