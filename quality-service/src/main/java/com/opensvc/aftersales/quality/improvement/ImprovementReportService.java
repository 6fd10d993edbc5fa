package com.opensvc.aftersales.quality.improvement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
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
        reports.save(ImprovementReport.openByHand(id, request, actor, clock.instant()));
        log.info("Opened improvement report {} by hand (alert {})", id, request.alertId());
        return new Opened(details(id), true);
    }

    /**
     * QLT-05, QLT-06: the report a trend alert opens (the alerts feature links it, one per alert).
     *
     * @return the new report's id
     */
    @Transactional
    public UUID openForAlert(UUID alertId, String productModel, String problem, int affectedQuantity, String actor) {
        UUID id = UUID.randomUUID();
        reports.save(ImprovementReport.openByHand(id, new OpenReportRequest(alertId, problem, productModel,
                BigDecimal.valueOf(affectedQuantity)), actor, clock.instant()));
        log.info("Opened improvement report {} for alert {}", id, alertId);
        return id;
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
