package com.opensvc.aftersales.intake.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BiConsumer;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import com.opensvc.aftersales.intake.timeline.ReceivedEvent;
import com.opensvc.aftersales.intake.timeline.TimelineService;
import com.opensvc.aftersales.messaging.EventHandlers;
import com.opensvc.aftersales.messaging.InboundEvent;
import com.opensvc.aftersales.messaging.InboundEvents;

import lombok.RequiredArgsConstructor;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Every other service's event about a ticket goes on its timeline (INT-18); the ones that move the ticket through its
 * lifecycle also change its state. An event that names no ticket is not about one and is left alone. Idempotent
 * (EVT-04).
 */
@Component
@RequiredArgsConstructor
public class TicketLifecycleListener {
    static final String CONSUMER = "intake-ticket-lifecycle";

    private final Clock clock;

    @Bean
    EventHandlers lifecycleEvents(InboundEvents inbound, TicketService tickets, TimelineService timeline) {
        return inbound.consumer(CONSUMER, "aftersales.dispatch.workorder", "aftersales.parts.stock",
                        "aftersales.quality.defect", "aftersales.revisit.revisit")
                .onEvery(AboutATicket.class, aboutATicket((e, ticketId, actor, at, meta) -> timeline.record(
                        new ReceivedEvent(meta.id(), ticketId, at, e.actor(), meta.source() == null ? meta.topic()
                                : meta.source(), meta.eventType(), meta.payload().toString()))))
                .on(WorkOrderCreated.class, aboutATicket((e, ticketId, actor, at, meta) ->
                        tickets.workOrderCreated(ticketId, e.workOrderId(), actor, at)))
                .on(RepairClosed.class, aboutATicket((e, ticketId, actor, at, meta) ->
                        tickets.repairClosed(ticketId, e.workOrderId(), actor, at)))
                .on(TechnicianAssigned.class, aboutATicket((e, ticketId, actor, at, meta) ->
                        tickets.technicianAssigned(ticketId, e.workOrderId(), e.technicianId(), at)))
                .on(RevisitScheduled.class, aboutATicket((e, ticketId, actor, at, meta) ->
                        tickets.revisitFact(ticketId, RevisitFact.SCHEDULED, e.revisitId(), e.workOrderId(), null, actor, at)))
                .on(RevisitNotRequired.class, aboutATicket((e, ticketId, actor, at, meta) ->
                        tickets.revisitFact(ticketId, RevisitFact.NOT_REQUIRED, null, e.workOrderId(),
                                "no revisit for work order " + e.workOrderId() + " (not sampled, REV-01)", actor, at)))
                .on(RevisitCompleted.class, aboutATicket((e, ticketId, actor, at, meta) ->
                        tickets.revisitFact(ticketId, RevisitFact.COMPLETED, e.revisitId(), e.workOrderId(),
                                "revisit completed", actor, at)))
                .on(RevisitUnreachable.class, aboutATicket((e, ticketId, actor, at, meta) ->
                        tickets.revisitFact(ticketId, RevisitFact.UNREACHABLE, e.revisitId(), e.workOrderId(),
                                "customer unreachable for the revisit" + (e.attempts() == null ? ""
                                        : " after " + e.attempts() + " attempts") + " (REV-06)", actor, at)))
                .on(CustomerDissatisfied.class, aboutATicket((e, ticketId, actor, at, meta) ->
                        tickets.revisitFact(ticketId, RevisitFact.DISSATISFIED, e.revisitId(), e.workOrderId(), null, actor, at)))
                .on(ImprovementReportIssued.class, aboutATicket((e, ticketId, actor, at, meta) ->
                        tickets.improvementReportIssued(ticketId, e.reportId(), actor, at)))
                .build();
    }

    /**
     * Runs {@code handler} for an event that names a ticket, with who caused it (the payload's actor, else the sending
     * service) and when (the event's time, else now).
     */
    private <T extends TicketFact> BiConsumer<T, InboundEvent> aboutATicket(Handler<T> handler) {
        return (event, meta) -> {
            if (event.ticketId() != null) {
                handler.handle(event, event.ticketId(), event.actor() != null ? event.actor() : meta.source(),
                        meta.time() == null ? clock.instant() : meta.time(), meta);
            }
        };
    }

    @FunctionalInterface
    private interface Handler<T> {
        void handle(T event, UUID ticketId, String actor, Instant at, InboundEvent meta);
    }

    /** What the events of these topics share: the ticket they are about, if any, and who caused them. */
    interface TicketFact {
        UUID ticketId();

        String actor();
    }

    /** Any event on these topics, for the timeline. */
    record AboutATicket(UUID ticketId, String actor) implements TicketFact {
    }

    /** dispatch's WorkOrderCreated v1, as intake reads it. */
    record WorkOrderCreated(UUID ticketId, @NotNull UUID workOrderId, String actor) implements TicketFact {
    }

    /** dispatch's RepairClosed v1, as intake reads it. */
    record RepairClosed(UUID ticketId, @NotNull UUID workOrderId, String actor) implements TicketFact {
    }

    /** dispatch's TechnicianAssigned v1, as intake reads it: who may record the ticket's inspection (INT-06). */
    record TechnicianAssigned(UUID ticketId, @NotNull UUID workOrderId, @NotBlank String technicianId, String actor)
            implements TicketFact {
    }

    /** revisit's RevisitScheduled v1 (REV-01, REV-02): a revisit the ticket's closing waits for (INT-13). */
    record RevisitScheduled(UUID ticketId, @NotNull UUID revisitId, UUID workOrderId, String actor)
            implements TicketFact {
    }

    /** revisit's RevisitNotRequired v1 (REV-01): the completed work order is not called back; a decision. */
    record RevisitNotRequired(UUID ticketId, @NotNull UUID workOrderId, String actor) implements TicketFact {
    }

    /** revisit's RevisitCompleted v1 (REV-05), as intake reads it. */
    record RevisitCompleted(UUID ticketId, UUID revisitId, UUID workOrderId, String actor) implements TicketFact {
    }

    /** revisit's RevisitUnreachable v1 (REV-06): one without its revisit, or with fewer than one attempt, is malformed. */
    record RevisitUnreachable(UUID ticketId, @NotNull UUID revisitId, UUID workOrderId, @Min(1) Integer attempts,
                              String actor) implements TicketFact {
    }

    /** revisit's CustomerDissatisfied v1 (REV-05): the outcome of its revisit (the complaint feature reopens, INT-19). */
    record CustomerDissatisfied(UUID ticketId, UUID revisitId, UUID workOrderId, String actor) implements TicketFact {
    }

    /** quality's ImprovementReportIssued v1 (QLT-05); a report about an alert names no ticket. */
    record ImprovementReportIssued(UUID ticketId, @NotNull UUID reportId, String actor) implements TicketFact {
    }
}
