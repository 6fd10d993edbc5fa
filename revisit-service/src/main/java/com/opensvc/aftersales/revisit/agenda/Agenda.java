package com.opensvc.aftersales.revisit.agenda;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;
import com.opensvc.aftersales.web.TabularReport;

import lombok.RequiredArgsConstructor;

/** RPT-03: what the revisit team must call, and the customers served but never revisited. */
@Service
@RequiredArgsConstructor
public class Agenda {
    /** The longest served period asked for, in days (both ends inclusive). */
    static final int MAX_PERIOD_DAYS = 366;
    /** The most rows a download holds. */
    static final int MAX_FILE_ROWS = 100_000;

    private final AgendaQueries queries;
    private final AgendaProperties properties;
    private final Clock clock;

    /**
     * Scheduled revisits due by the end of the company day {@code days} days from today, overdue ones included.
     *
     * @param days null = the configured default
     */
    @Transactional(readOnly = true)
    public PageOf<Reminder> reminders(AgendaQueries.Scope scope, Integer days, Paging paging) {
        int ahead = days == null ? properties.reminderDays() : days;
        Instant now = clock.instant();
        Instant until = LocalDate.ofInstant(now, properties.zone()).plusDays(ahead + 1L)
                .atStartOfDay(properties.zone()).toInstant();
        return paging.of(queries.reminders(scope, until, now, paging.size(), paging.offset()),
                queries.countReminders(scope, until));
    }

    @Transactional(readOnly = true)
    public PageOf<NeverRevisitedCustomer> neverRevisited(LocalDate from, LocalDate to, Paging paging) {
        requirePeriod(from, to);
        return paging.of(queries.neverRevisited(start(from), start(to.plusDays(1)), paging.size(), paging.offset()),
                queries.countNeverRevisited(start(from), start(to.plusDays(1))));
    }

    /** The same rows as a table for the CSV and Excel downloads. */
    @Transactional(readOnly = true)
    public TabularReport neverRevisitedTable(LocalDate from, LocalDate to) {
        requirePeriod(from, to);
        List<NeverRevisitedCustomer> rows = queries.neverRevisited(start(from), start(to.plusDays(1)), MAX_FILE_ROWS, 0);
        TabularReport.Builder table = TabularReport.builder("never revisited").zone(properties.zone())
                .text("customerId").wholeNumber("ordersServed").instant("lastServedAt").text("region").text("tickets");
        rows.forEach(c -> table.row(c.customerId().toString(), c.ordersServed(), c.lastServedAt(), c.region(),
                String.join(" ", c.tickets())));
        return table.build();
    }

    private Instant start(LocalDate day) {
        return day.atStartOfDay(properties.zone()).toInstant();
    }

    static void requirePeriod(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new InvalidFieldException("to", "must not be before from");
        }
        if (to.toEpochDay() - from.toEpochDay() + 1 > MAX_PERIOD_DAYS) {
            throw new InvalidFieldException("to", "must be at most " + MAX_PERIOD_DAYS + " days after from (inclusive)");
        }
    }
}
