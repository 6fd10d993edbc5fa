package com.opensvc.aftersales.dispatch.scorecard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.web.ReportPeriod.Granularity;
import com.opensvc.aftersales.dispatch.scorecard.ScorecardRepository.GroupBy;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;
import com.opensvc.aftersales.web.ReportPeriod;

import lombok.RequiredArgsConstructor;

/** DSP-10 technician scorecards and RPT-01 field-task reports, in the company's zone. */
@Service
@RequiredArgsConstructor
public class Scorecards {
    private final ScorecardRepository repository;
    private final ReportProperties properties;

    /** RPT-01: the report's query as given, checked. */
    public record FieldTaskQuery(GroupBy groupBy, Granularity granularity, LocalDate from, LocalDate to) {
    }

    /**
     * DSP-10: each technician's scorecard for the period; with {@code technician} only theirs (all zeros when they
     * closed nothing in it).
     */
    @Transactional(readOnly = true)
    public PageOf<Scorecard> scorecards(String periodText, String technician, Paging paging) {
        ReportPeriod period = ReportPeriod.parse("period", periodText);
        List<Scorecard> all = repository.scorecards(period.label(), start(period.from()), start(period.until()),
                technician);
        if (technician != null && all.isEmpty()) {
            String name = repository.technicianName(technician);
            all = List.of(new Scorecard(technician, name == null ? technician : name, period.label(), 0, 0, null, 0, 0,
                    null, 0, null, BigDecimal.ZERO.setScale(2), 0, 0, null, null, null, null));
        }
        int from = (int) Math.min(paging.offset(), all.size());
        int to = (int) Math.min((long) from + paging.size(), all.size());
        return paging.of(all.subList(from, to), all.size());
    }

    /** RPT-01: {@code groupBy} technician|region|product, {@code granularity} day|month|quarter|year, dates inclusive. */
    public FieldTaskQuery fieldTaskQuery(String groupBy, String granularity, LocalDate from, LocalDate to) {
        GroupBy group = parse(GroupBy.class, "groupBy", groupBy);
        Granularity unit = parse(Granularity.class, "granularity", granularity);
        if (from == null) {
            throw new InvalidFieldException("from", "is required: the first day of the report (2026-11-01)");
        }
        if (to == null) {
            throw new InvalidFieldException("to", "is required: the last day of the report (2026-11-30)");
        }
        if (to.isBefore(from)) {
            throw new InvalidFieldException("to", "must not be before from");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        int max = unit == Granularity.DAY ? properties.maxDailyRangeDays() : properties.maxRangeDays();
        if (days > max) {
            throw new InvalidFieldException("to", "the range may cover at most " + max + " days"
                    + (unit == Granularity.DAY ? " by day; choose month, quarter or year for longer ones" : ""));
        }
        return new FieldTaskQuery(group, unit, from, to);
    }

    @Transactional(readOnly = true)
    public List<FieldTaskRow> fieldTasks(FieldTaskQuery query) {
        return repository.fieldTasks(query.granularity(), query.groupBy(), start(query.from()),
                start(query.to().plusDays(1)), properties.zone());
    }

    private Instant start(LocalDate day) {
        return day.atStartOfDay(properties.zone()).toInstant();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String text) {
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        }
    }
}
