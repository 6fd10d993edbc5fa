package com.opensvc.aftersales.quality.report;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.opensvc.aftersales.quality.publication.PublicationProperties;
import com.opensvc.aftersales.quality.publication.ReportContent;
import com.opensvc.aftersales.quality.publication.ReportGenerator;
import com.opensvc.aftersales.quality.publication.ReportKind;
import com.opensvc.aftersales.quality.publication.ReportPeriod;
import com.opensvc.aftersales.web.TabularReport;

import lombok.RequiredArgsConstructor;

/**
 * QLT-03 (次月初由质检部回复各业务员): early the following month quality answers each salesperson's reported failures —
 * one report per person who forwarded a ticket (a referral) with a defect recorded in the month: per failure the
 * ticket, the unit, the failure mode, the cause, the responsible department, the analysis conclusion and its state.
 */
@Component
@RequiredArgsConstructor
class SalespersonAnswersReport implements ReportGenerator {
    static final String SALES = "SALES";

    private final ReportRepository figures;
    private final PublicationProperties publication;

    public record Answers(String salesperson, LocalDate periodFrom, LocalDate periodTo,
                          List<ReportRepository.Answer> failures) {
    }

    @Override
    public ReportKind kind() {
        return ReportKind.SALESPERSON_ANSWERS;
    }

    @Override
    public List<String> subjects(ReportPeriod period) {
        return figures.referrers(Window.of(period, publication.zone()));
    }

    @Override
    public ReportContent generate(ReportPeriod period, String subject) {
        List<ReportRepository.Answer> failures = figures.answers(subject, Window.of(period, publication.zone()));
        Set<String> audience = new LinkedHashSet<>();
        audience.add(subject);
        audience.add(SALES);
        failures.stream().map(ReportRepository.Answer::referrerDepartment).filter(d -> d != null && !d.isBlank())
                .forEach(audience::add);
        Answers answers = new Answers(subject, period.from(), period.to(), failures);
        return new ReportContent("Answers to " + subject + " on failures of " + period.from() + " – " + period.to(),
                answers, table(failures, publication), List.copyOf(audience));
    }

    static TabularReport table(List<ReportRepository.Answer> failures, PublicationProperties publication) {
        TabularReport.Builder table = TabularReport.builder("answers").zone(publication.zone())
                .text("ticketNumber").text("productModel").text("serialNumber").text("failureMode").text("cause")
                .text("responsibleDepartment").text("conclusion").text("state").instant("recordedAt");
        for (ReportRepository.Answer a : failures) {
            table.row(a.ticketNumber(), a.productModel(), a.serialNumber(), a.failureMode(), a.cause(),
                    a.responsibleDepartment(), a.conclusion(), a.state(), a.recordedAt());
        }
        return table.build();
    }
}
