package com.opensvc.aftersales.intake.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
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
import com.opensvc.aftersales.intake.installedbase.InstalledProductRepository;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.NotFoundException;
import com.opensvc.aftersales.web.StateConflictException;

/**
 * A ticket's entitlement after registration: exclusions the desk records (INT-07, fall back to PAID), the
 * supervisor's audited override (INT-07, SEC-03), the engineer's inspection that unlocks RETURN/EXCHANGE (INT-06),
 * and recomputation when the installed product's dates change (INT-06).
 */
@Service
public class TicketEntitlementService {
    private static final Logger log = LoggerFactory.getLogger(TicketEntitlementService.class);
    private static final List<TicketState> BEFORE_SERVICE = List.of(TicketState.REGISTERED, TicketState.AWAITING_QUOTE,
            TicketState.PENDING, TicketState.ACCEPTED, TicketState.REOPENED);

    private final TicketRepository tickets;
    private final InstalledProductRepository products;
    private final EntitlementAssessor assessor;
    private final Clock clock;

    public TicketEntitlementService(TicketRepository tickets, InstalledProductRepository products,
                                    EntitlementAssessor assessor, Clock clock) {
        this.tickets = tickets;
        this.products = products;
        this.assessor = assessor;
        this.clock = clock;
    }

    @Transactional
    public Ticket exclude(UUID id, ExclusionReason reason, String note, String actor) {
        Ticket ticket = lockBeforeService(id, "record an entitlement exclusion");
        Instant now = clock.instant();
        tickets.recordExclusion(id, reason, note, actor, now);
        Entitlement effective = tickets.latestOverride(id).orElse(Entitlement.PAID);
        tickets.updateEffectiveEntitlement(id, effective, now);
        tickets.recordHistory(id, now, actor, "ENTITLEMENT_EXCLUDED", null, null,
                reason + (note == null ? "" : ": " + note) + "; entitlement " + ticket.entitlement() + " -> " + effective);
        log.info("Ticket {} entitlement excluded ({}) by {}", ticket.number(), reason, actor);
        return tickets.find(id).orElseThrow();
    }

    /** Supervisor only (the controller checks the role); the override is an audit record nobody can delete. */
    @Transactional
    public Ticket override(UUID id, Entitlement to, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidFieldException("reason", "an override must say why");
        }
        Ticket ticket = lockBeforeService(id, "override the entitlement");
        Instant now = clock.instant();
        tickets.recordOverride(id, ticket.entitlement(), to, reason.trim(), actor, now);
        tickets.updateEffectiveEntitlement(id, to, now);
        tickets.recordHistory(id, now, actor, "ENTITLEMENT_OVERRIDDEN", null, null,
                ticket.entitlement() + " -> " + to + ": " + reason.trim());
        log.info("Ticket {} entitlement overridden {} -> {} by {}", ticket.number(), ticket.entitlement(), to, actor);
        return tickets.find(id).orElseThrow();
    }

    /** INT-06: an after-sales engineer's inspection confirms (or not) the quality problem. */
    @Transactional
    public Ticket recordInspection(UUID id, boolean qualityProblemConfirmed, String finding, String actor) {
        Ticket ticket = lockBeforeService(id, "record an inspection");
        Instant now = clock.instant();
        tickets.recordInspection(id, qualityProblemConfirmed, finding, actor, now);
        tickets.recordHistory(id, now, actor, "INSPECTED", null, null,
                (qualityProblemConfirmed ? "quality problem confirmed" : "quality problem not confirmed")
                        + (finding == null ? "" : ": " + finding));
        return tickets.find(id).orElseThrow(() -> new NotFoundException("no ticket " + ticket.id()));
    }

    /** INT-06: entitlement is recomputed when the installed product's dates, model or contract change. */
    @EventListener
    public void onInstalledProductChanged(InstalledProductChanged changed) {
        InstalledProduct product = products.find(changed.installedProductId()).orElseThrow();
        for (UUID ticketId : tickets.entitlementOpenForProduct(product.id())) {
            Ticket ticket = tickets.findForUpdate(ticketId).orElseThrow();
            Assessment assessment = assessor.assess(product.dates(), product.productLine(), product.productModel(),
                    product.serviceContractId(), ticket.serviceType().name(), ticket.reportedOn());
            Entitlement effective = tickets.latestOverride(ticketId)
                    .orElse(tickets.hasExclusion(ticketId) ? Entitlement.PAID : assessment.entitlement());
            if (Objects.equals(assessment.entitlement(), ticket.computedEntitlement())
                    && Objects.equals(effective, ticket.entitlement())
                    && Objects.equals(assessment.reason(), ticket.entitlementReason())) {
                continue;
            }
            Instant now = clock.instant();
            tickets.updateEntitlement(ticketId, effective, assessment, now);
            tickets.recordHistory(ticketId, now, changed.actor(), "ENTITLEMENT_RECOMPUTED", null, null,
                    "installed product changed: computed " + ticket.computedEntitlement() + " -> "
                            + assessment.entitlement() + ", effective " + ticket.entitlement() + " -> " + effective
                            + " (" + assessment.reason() + ")");
        }
    }

    private Ticket lockBeforeService(UUID id, String action) {
        Ticket ticket = tickets.findForUpdate(id).orElseThrow(() -> new NotFoundException("no ticket " + id));
        if (!BEFORE_SERVICE.contains(ticket.state())) {
            throw new StateConflictException("ticket", ticket.state().name(), action);
        }
        return ticket;
    }
}
