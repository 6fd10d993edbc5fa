package com.opensvc.aftersales.quality.improvement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.idempotency.IdempotencyKeys;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.NotFoundException;

import lombok.RequiredArgsConstructor;

/** QLT-05: opens improvement reports (INT-05, or by hand) and takes them through their states. */
@Service
@RequiredArgsConstructor
public class ImprovementReportService {
    private static final Logger log = LoggerFactory.getLogger(ImprovementReportService.class);
    static final String ACTOR = "system:quality-improvement";

    private final ImprovementReportRepository reports;
    private final IdempotencyKeys idempotency;
    private final ImprovementReportProperties properties;
    private final Clock clock;

    /** INT-05: quality is notified at acceptance; the first acceptance of a ticket opens its report. */
    @Transactional
    public void ticketAccepted(TicketAccepted accepted) {
        if (!accepted.qualityMustReport()) {
            return;
        }
        openForTicket(ImprovementReport.openForTicket(accepted.ticketId(), accepted.ticketNumber(),
                accepted.productModel(), accepted.serialNumber(), accepted.channel(), ReportOrigin.TICKET_ACCEPTED,
                ACTOR, clock.instant()));
    }

    /** INT-05: a complaint that must be reported and was handled without acceptance opens the ticket's report. */
    @Transactional
    public void complaintFinished(ComplaintFinished finished) {
        if (!finished.mustReport() || reports.ticketHasReport(finished.ticketId())) {
            return;
        }
        openForTicket(ImprovementReport.openForTicket(finished.ticketId(), finished.ticketNumber(), null, null, null,
                ReportOrigin.COMPLAINT_FINISHED, ACTOR, clock.instant()));
    }

    private void openForTicket(ImprovementReportChange opened) {
        ImprovementReport report = opened.report();
        if (reports.insertIfAbsent(opened)) {
            log.info("Opened improvement report {} for ticket {} ({})", report.id(), report.ticketId(), report.origin());
        } else {
            log.info("Ticket {} already has its improvement report", report.ticketId());
        }
    }

    public record Opened(ImprovementReportDetails report, boolean created) {
    }

    /** QLT-05: a report opened by hand (for an alert); the same Idempotency-Key returns the same report. */
    @Transactional
    public Opened open(OpenReportRequest request, String idempotencyKey, String actor) {
        UUID id = UUID.randomUUID();
        Optional<UUID> earlier = idempotency.claim("improvement-report", idempotencyKey, id);
        if (earlier.isPresent()) {
            return new Opened(details(earlier.get()), false);
        }
        if (request.alertId() != null) {
            // one report per alert: an alert that has its report answers it (the claim above rolls back)
            Optional<UUID> ofAlert = reports.reportOfAlert(request.alertId());
            if (ofAlert.isPresent()) {
                throw new AlertHasReport(ofAlert.get());
            }
            if (!reports.insertIfAlertHasNone(ImprovementReport.openByHand(id, request, actor, clock.instant()))) {
                throw new AlertHasReport(reports.reportOfAlert(request.alertId()).orElseThrow());
            }
            log.info("Opened improvement report {} by hand for alert {}", id, request.alertId());
            return new Opened(details(id), true);
        }
        reports.save(ImprovementReport.openByHand(id, request, actor, clock.instant()));
        log.info("Opened improvement report {} by hand (alert {})", id, request.alertId());
        return new Opened(details(id), true);
    }

    /** The alert of a report opened by hand already has its report (one per alert). */
    public static final class AlertHasReport extends RuntimeException {
        private final UUID reportId;

        AlertHasReport(UUID reportId) {
            super("the alert already has improvement report " + reportId);
            this.reportId = reportId;
        }

        public UUID reportId() {
            return reportId;
        }
    }

    /**
     * QLT-05, QLT-06: the improvement report of a quality alert, opened OPEN with the problem as the alert states it;
     * one per alert — a second call (or a concurrent one) returns the report the first opened.
     *
     * @return the report's id
     */
    @Transactional
    public UUID openForAlert(UUID alertId, String productModel, String problem, int affectedQuantity, String actor) {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(actor, "actor");
        if (productModel == null || productModel.isBlank()) {
            throw new InvalidFieldException("productModel", "must not be blank");
        }
        if (problem == null || problem.isBlank()) {
            throw new InvalidFieldException("problem", "must not be blank");
        }
        if (affectedQuantity < 1) {
            throw new InvalidFieldException("affectedQuantity", "must be 1 or more");
        }
        Optional<UUID> existing = reports.reportOfAlert(alertId);
        if (existing.isPresent()) {
            return existing.get();
        }
        ImprovementReportChange opened = ImprovementReport.openForAlert(UUID.randomUUID(), alertId, productModel,
                problem, affectedQuantity, actor, clock.instant());
        if (reports.insertIfAlertHasNone(opened)) {
            log.info("Opened improvement report {} for alert {}", opened.report().id(), alertId);
            return opened.report().id();
        }
        return reports.reportOfAlert(alertId).orElseThrow();
    }

    @Transactional
    public ImprovementReportDetails analyse(UUID id, AnalysisRequest analysis, String actor) {
        if (!analysis.rootCause().namesWhere()) {
            throw new InvalidFieldException("rootCause.department", "must be given, or a process named instead");
        }
        return apply(id, report -> report.analyse(analysis, actor, clock.instant()));
    }

    @Transactional
    public ImprovementReportDetails assignActions(UUID id, ActionPlanRequest plan, String actor) {
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        return apply(id, report -> report.assignActions(plan, today, actor, clock.instant()));
    }

    @Transactional
    public ImprovementReportDetails verify(UUID id, VerificationRequest verification, String actor) {
        return apply(id, report -> report.verify(verification, actor, clock.instant()));
    }

    @Transactional
    public ImprovementReportDetails close(UUID id, String actor) {
        return apply(id, report -> report.close(actor, clock.instant()));
    }

    private ImprovementReportDetails apply(UUID id, java.util.function.Function<ImprovementReport, ImprovementReportChange> transition) {
        ImprovementReport report = reports.findForUpdate(id).orElseThrow(() -> notFound(id));
        ImprovementReportChange change = transition.apply(report);
        reports.save(change);
        log.info("Improvement report {} {} → {} by {}", id, change.history().action(), change.report().state(),
                change.history().actor());
        return details(id);
    }

    public ImprovementReportDetails details(UUID id) {
        ImprovementReport report = reports.find(id).orElseThrow(() -> notFound(id));
        return new ImprovementReportDetails(report, reports.history(id));
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("no improvement report " + id);
    }
}
