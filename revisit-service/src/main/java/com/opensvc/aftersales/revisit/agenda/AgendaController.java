package com.opensvc.aftersales.revisit.agenda;

import java.time.LocalDate;
import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.web.CurrentUser;
import com.opensvc.aftersales.web.ForbiddenException;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;
import com.opensvc.aftersales.web.ReportFiles;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

/**
 * RPT-03: reminders of the revisits due ({@code GET /api/revisit/reminders}) and the customers served but never
 * revisited ({@code GET /api/revisit/customers/never-revisited}, {@code .csv}, {@code .xlsx}).
 */
@RestController
@Validated
@RequestMapping("/api/revisit")
@RequiredArgsConstructor
public class AgendaController {
    static final String READERS = "hasAnyRole('REVISIT_AGENT', 'SUPERVISOR', 'MANAGER', 'SERVICE_DIRECTOR')";
    private final Agenda agenda;

    /**
     * Scheduled revisits due within {@code days} company days (default {@code aftersales.revisit.agenda.reminder-days})
     * and overdue ones. An agent sees theirs and the pool's (revisits they may call); a supervisor, manager or service
     * director sees every agent's (or one, {@code agent=}) and the pool, ordered by agent (the pool last), then due.
     */
    @GetMapping("/reminders")
    @PreAuthorize(READERS)
    public PageOf<Reminder> reminders(@RequestParam(required = false) @Min(0) @Max(AgendaProperties.MAX_DAYS) Integer days,
                                      @RequestParam(required = false) @Size(min = 1, max = 100) String agent,
                                      @Paging.DefaultSize(100) Paging paging) {
        return agenda.reminders(scope(agent), days, paging);
    }

    /** Customers with a work order completed from {@code from} to {@code to} (company days, ≤ 366) never revisited. */
    @GetMapping("/customers/never-revisited")
    @PreAuthorize(READERS)
    public PageOf<NeverRevisitedCustomer> neverRevisited(@RequestParam LocalDate from, @RequestParam LocalDate to,
                                                         @Paging.DefaultSize(50) Paging paging) {
        Agenda.requirePeriod(from, to);
        return agenda.neverRevisited(from, to, paging);
    }

    @GetMapping("/customers/never-revisited.{format:csv|xlsx}")
    @PreAuthorize(READERS)
    public ResponseEntity<byte[]> neverRevisitedFile(@PathVariable String format, @RequestParam LocalDate from,
                                                     @RequestParam LocalDate to) {
        Agenda.requirePeriod(from, to);
        return ReportFiles.download(agenda.neverRevisitedTable(from, to),
                ReportFiles.Format.valueOf(format.toUpperCase(Locale.ROOT)), "never-revisited-" + from + "-" + to);
    }

    /** A revisit agent (who is not also a reader of everyone's) sees only their own agenda. */
    private static AgendaQueries.Scope scope(String agent) {
        boolean everyone = CurrentUser.hasRole("SUPERVISOR") || CurrentUser.hasRole("MANAGER")
                || CurrentUser.hasRole("SERVICE_DIRECTOR");
        if (everyone) {
            return AgendaQueries.Scope.everyone(agent == null ? null : agent.strip());
        }
        if (agent != null && !agent.strip().equalsIgnoreCase(CurrentUser.name())) {
            throw new ForbiddenException("a revisit agent sees only their own reminders");
        }
        return AgendaQueries.Scope.mine(CurrentUser.name());
    }
}
