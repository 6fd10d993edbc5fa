package com.opensvc.aftersales.quality.improvement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.web.NotFoundException;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;
import com.opensvc.aftersales.web.StateConflictException;

import lombok.RequiredArgsConstructor;

/**
 * QLT-05: the actions of improvement reports — recorded done one by one (the report's row lock orders concurrent
 * completions and a verification), and listed when open or overdue (due before today in the company zone).
 */
@Service
@RequiredArgsConstructor
public class ImprovementActions {
    private static final Logger log = LoggerFactory.getLogger(ImprovementActions.class);

    private final ImprovementReportRepository reports;
    private final ImprovementReportProperties properties;
    private final Clock clock;

    /** @param asQuality the caller is quality, who may record any action done (else only the action's owner) */
    @Transactional
    public ActionCompletion complete(UUID reportId, int round, ActionKind kind, int position, CompletionRequest request,
                                     String actor, boolean asQuality) {
        ImprovementReport report = reports.findForUpdate(reportId)
                .orElseThrow(() -> new NotFoundException("no improvement report " + reportId));
        ActionCompletion completion = report.complete(round, kind, position, request.note(), actor, asQuality,
                clock.instant());
        if (!reports.insertCompletion(completion)) {
            throw new StateConflictException("improvement report", report.state().name(),
                    "record the action done: it was recorded done already");
        }
        log.info("Improvement report {}: {} action {} of round {} done by {}", reportId, kind, position, round, actor);
        return completion;
    }

    /** Open actions due before today, of every owner or of one. */
    public PageOf<OpenAction> overdue(String owner, Paging paging) {
        return reports.openActions(today(), true, owner, paging);
    }

    /** The owner's open actions (only the overdue ones when {@code overdueOnly}). */
    public PageOf<OpenAction> ownedBy(String owner, boolean overdueOnly, Paging paging) {
        return reports.openActions(today(), overdueOnly, owner, paging);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(properties.zone()));
    }
}
