package com.opensvc.aftersales.intake.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.intake.entitlement.Assessment;
import com.opensvc.aftersales.intake.entitlement.Entitlement;
import com.opensvc.aftersales.intake.entitlement.EntitlementAssessor;
import com.opensvc.aftersales.intake.entitlement.ExclusionReason;
import com.opensvc.aftersales.intake.installedbase.InstalledProduct;
import com.opensvc.aftersales.intake.installedbase.InstalledProductChanged;
import com.opensvc.aftersales.intake.installedbase.InstalledProductService;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.NotFoundException;

import lombok.RequiredArgsConstructor;

/**
 * A ticket's entitlement after registration: exclusions the desk records (INT-07, fall back to PAID), the
 * supervisor's audited override (INT-07, SEC-03), the engineer's inspection that unlocks RETURN/EXCHANGE (INT-06),
 * and recomputation when the installed product's dates change (INT-06).
 */
@Service
@RequiredArgsConstructor
public class TicketEntitlementService {
    private static final Logger log = LoggerFactory.getLogger(TicketEntitlementService.class);

    private final TicketRepository tickets;
    private final TicketChanges changes;
    private final InstalledProductService installedBase;
    private final EntitlementAssessor assessor;
    private final PaidServiceGate paidServiceGate;
    private final Clock clock;

    @Transactional
    public Ticket exclude(UUID id, ExclusionReason reason, String note, String actor) {
        Ticket ticket = lock(id);
        Instant now = clock.instant();
        TicketChange excluded = Ticket.entitlementChanged(
                ticket.exclude(reason, note, tickets.latestOverride(id).orElse(Entitlement.PAID), actor, now),
                "exclusion " + reason + (note == null ? "" : ": " + note), paidServiceGate.hasApprovedQuote(id), actor,
                now);
        tickets.recordExclusion(id, reason, note, actor, now);
        changes.save(excluded);
        log.info("Ticket {} entitlement excluded ({}) by {}", ticket.number(), reason, actor);
        return get(id);
    }

    /** Supervisor only (the controller checks the role); the override is an audit record nobody can delete. */
    @Transactional
    public Ticket override(UUID id, Entitlement to, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidFieldException("reason", "an override must say why");
        }
        Ticket ticket = lock(id);
        Instant now = clock.instant();
        TicketChange overridden = Ticket.entitlementChanged(ticket.override(to, reason.trim(), actor, now),
                "supervisor override: " + reason.trim(), paidServiceGate.hasApprovedQuote(id), actor, now);
        tickets.recordOverride(id, ticket.entitlement(), to, reason.trim(), actor, now);
        changes.save(overridden);
        log.info("Ticket {} entitlement overridden {} -> {} by {}", ticket.number(), ticket.entitlement(), to, actor);
        return get(id);
    }

    /**
     * INT-06: an after-sales engineer's inspection confirms (or not) the quality problem; only the technician assigned
     * to the ticket's work order (TechnicianAssigned) or a supervisor may record it.
     */
    @Transactional
    public Ticket recordInspection(UUID id, boolean qualityProblemConfirmed, String finding, String actor,
                                   boolean actorIsSupervisor) {
        changes.save(lock(id).recordInspection(qualityProblemConfirmed, finding, actor, actorIsSupervisor,
                clock.instant()));
        return get(id);
    }

    /** Exclusions and overrides of a ticket, oldest first (INT-07 audit). */
    public List<EntitlementAuditEntry> audit(UUID id) {
        get(id);
        return tickets.entitlementAudit(id);
    }

    /** INT-06: entitlement is recomputed when the installed product's dates, model or contract change. */
    @EventListener
    public void onInstalledProductChanged(InstalledProductChanged changed) {
        InstalledProduct product = installedBase.get(changed.installedProductId());
        for (UUID ticketId : tickets.entitlementOpenForProduct(product.id())) {
            Ticket ticket = tickets.findForUpdate(ticketId).orElseThrow();
            Assessment assessment = assessor.assess(product.dates(), product.productLine(), product.productModel(),
                    product.serviceContractId(), ticket.serviceType().name(), ticket.reportedOn());
            Entitlement effective = tickets.latestOverride(ticketId)
                    .orElse(tickets.hasExclusion(ticketId) ? Entitlement.PAID : assessment.entitlement());
            Instant now = clock.instant();
            ticket.recomputeEntitlement(assessment, effective, changed.actor(), now)
                    .map(change -> Ticket.entitlementChanged(change, "installed product changed: " + assessment.reason(),
                            paidServiceGate.hasApprovedQuote(ticketId), changed.actor(), now))
                    .ifPresent(changes::save);
        }
    }

    private Ticket lock(UUID id) {
        return tickets.findForUpdate(id).orElseThrow(() -> notFound(id));
    }

    private Ticket get(UUID id) {
        return tickets.find(id).orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("no ticket " + id);
    }
}
