package com.opensvc.aftersales.quality.newproduct;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import com.opensvc.aftersales.quality.installedbase.InstalledBase;
import com.opensvc.aftersales.quality.publication.ReportContent;
import com.opensvc.aftersales.quality.publication.ReportGenerator;
import com.opensvc.aftersales.quality.publication.ReportKind;
import com.opensvc.aftersales.quality.publication.ReportPeriod;
import com.opensvc.aftersales.web.TabularReport;

import lombok.RequiredArgsConstructor;

/**
 * QLT-07: the survey report of one model under the new-product watch, per month: its launch, installed base, the
 * failures reported in the month and since launch by failure mode, the rate per 100 installed units, and the written
 * survey findings after-sales submitted so far. Subjects: every model whose watch overlaps the month.
 */
@Component
@RequiredArgsConstructor
class NewProductSurveyReport implements ReportGenerator {
    static final List<String> AUDIENCE = List.of("QUALITY", "AFTER_SALES", "ENGINEERING", "PRODUCTION", "MANAGEMENT");
    static final String ALL_MODES = "All failure modes";

    private final NewProductRepository repository;
    private final NewProductWatch watch;
    private final InstalledBase installedBase;
    private final NewProductProperties properties;

    @Override
    public ReportKind kind() {
        return ReportKind.NEW_PRODUCT_SURVEY;
    }

    @Override
    public List<String> subjects(ReportPeriod period) {
        return repository.watchedDuring(period.from(), period.to(), properties.watchPeriod());
    }

    /** What the report's JSON holds. */
    record Survey(String productModel, LocalDate launchedOn, ModelLaunch.Source launchSource, LocalDate watchEndsOn,
                  boolean watchEndedInPeriod, long installedUnits, long failuresInPeriod, long failuresSinceLaunch,
                  BigDecimal failuresPer100Units, List<ModeFailures> failuresByMode, List<Finding> findings) {
    }

    record ModeFailures(String failureMode, long inPeriod, long sinceLaunch, BigDecimal per100Units) {
    }

    record Finding(String findings, int customersSurveyed, String submittedBy, Instant submittedAt) {
    }

    @Override
    public ReportContent generate(ReportPeriod period, String model) {
        ModelLaunch launch = watch.launchOf(model)
                .orElseThrow(() -> new IllegalStateException("no launch of model " + model));
        Instant from = period.from().atStartOfDay(properties.zone()).toInstant();
        Instant to = period.to().plusDays(1).atStartOfDay(properties.zone()).toInstant();
        long installed = installedBase.count(model);
        List<ModeFailures> modes = repository.failuresByMode(model, from, to).stream()
                .map(m -> new ModeFailures(m.failureMode(), m.inPeriod(), m.sinceLaunch(),
                        NewProductWatch.per100(m.sinceLaunch(), installed)))
                .toList();
        long inPeriod = modes.stream().mapToLong(ModeFailures::inPeriod).sum();
        long sinceLaunch = modes.stream().mapToLong(ModeFailures::sinceLaunch).sum();
        List<Finding> findings = repository.allFindings(model).stream()
                .map(f -> new Finding(f.findings(), f.customersSurveyed(), f.submittedBy(), f.submittedAt()))
                .toList();
        boolean ended = !launch.watchEndsOn().isBefore(period.from()) && !launch.watchEndsOn().isAfter(period.to());
        Survey survey = new Survey(model, launch.launchedOn(), launch.source(), launch.watchEndsOn(), ended, installed,
                inPeriod, sinceLaunch, NewProductWatch.per100(sinceLaunch, installed), modes, findings);

        TabularReport.Builder table = TabularReport.builder("New product " + model).zone(properties.zone())
                .text("Failure mode").wholeNumber("Failures in period").wholeNumber("Failures since launch")
                .decimal("Per 100 installed units");
        for (ModeFailures m : modes) {
            table.row(m.failureMode(), m.inPeriod(), m.sinceLaunch(), m.per100Units());
        }
        table.row(ALL_MODES, inPeriod, sinceLaunch, survey.failuresPer100Units());
        String title = "New-product survey " + model + " " + period.from() + " to " + period.to() + " (launched "
                + launch.launchedOn() + ", watched until " + launch.watchEndsOn().minusDays(1) + ")";
        return new ReportContent(title, survey, table.build(), AUDIENCE);
    }
}
