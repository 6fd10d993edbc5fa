package com.opensvc.aftersales.intake.complaint.accountability;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;

import org.springframework.stereotype.Service;

import com.opensvc.aftersales.intake.IntakeProperties;

import lombok.RequiredArgsConstructor;

/** INT-21: builds a month's accountability report from the complaint records. */
@Service
@RequiredArgsConstructor
public class AccountabilityReports {
    private final AccountabilityReportRepository repository;
    private final IntakeProperties properties;
    private final Clock clock;

    /** The month reported on today (company time zone): the previous one. */
    public YearMonth dueMonth() {
        return AccountabilityMonth.reportedOn(LocalDate.now(clock.withZone(properties.zone())));
    }

    public AccountabilityReport build(YearMonth month) {
        ZoneId zone = properties.zone();
        Instant from = AccountabilityMonth.start(month, zone).toInstant();
        Instant to = AccountabilityMonth.end(month, zone).toInstant();
        var issued = repository.issued(month.toString()).orElse(null);
        return AccountabilityReport.of(month.toString(), zone.getId(), from, to,
                issued == null ? null : issued.issuedAt(), issued == null ? null : issued.issuedBy(),
                repository.complaints(from, to), repository.penalties(from, to));
    }

    /**
     * The report's id, which keys its event: a name-based (v3) UUID of "accountability-report:" + month, because the
     * outbox keys every event by a UUID and this event concerns a month, not a ticket.
     */
    public static UUID reportId(YearMonth month) {
        return UUID.nameUUIDFromBytes(("accountability-report:" + month).getBytes(StandardCharsets.UTF_8));
    }

    /** The API path of a month's report, as sent in AccountabilityReportIssued. */
    public static String reportUrl(YearMonth month) {
        return "/api/intake/reports/accountability?month=" + month;
    }
}
