package com.opensvc.aftersales.dispatch.techsupport;

import static com.opensvc.aftersales.dispatch.techsupport.TechSupportState.CLOSED;
import static com.opensvc.aftersales.dispatch.techsupport.TechSupportState.OPEN;
import static com.opensvc.aftersales.dispatch.techsupport.TechSupportState.SOLVED;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.opensvc.aftersales.dispatch.techsupport.TechSupportEvents.TechSupportClosed;
import com.opensvc.aftersales.dispatch.techsupport.TechSupportEvents.TechSupportRequested;
import com.opensvc.aftersales.dispatch.techsupport.TechSupportEvents.TechSupportSolved;
import com.opensvc.aftersales.dispatch.workorder.PartLine;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvents.RepairNotFixed;

/**
 * DSP-06, INT-23: a question for engineering, from a technician's NOT_FIXED visit (with its work order, the site
 * situation and what was tried) or from a ticket the desk routed to engineering. Each transition guards its state
 * ({@link TechSupportState}) and returns the {@link TechSupportChange} it caused.
 *
 * @param technician the technician who asked (NOT_FIXED); null for a technical question
 * @param answeredBy who solved or closed it, {@code answeredAt} when
 */
public record TechSupportRequest(UUID id, TechSupportSource source, UUID ticketId, String ticketNumber,
                                 UUID workOrderId, UUID visitId, String technician, String productModel,
                                 String question, String siteSituation, String symptom, String actionsTried,
                                 List<String> attachments, String requestedBy, Instant requestedAt,
                                 TechSupportState state, String solution, List<PartLine> partsNeeded,
                                 String closeReason, String answeredBy, Instant answeredAt, int version) {

    /** DSP-06: the NOT_FIXED visit's question goes to engineering. */
    static TechSupportChange fromNotFixedVisit(RepairNotFixed visit) {
        TechSupportRequest opened = new Builder().id(UUID.randomUUID()).source(TechSupportSource.NOT_FIXED)
                .ticketId(visit.ticketId()).workOrderId(visit.workOrderId()).visitId(visit.visitId())
                .technician(visit.technicianId()).productModel(visit.productModel()).question(visit.question())
                .siteSituation(visit.siteSituation()).symptom(visit.symptom()).actionsTried(visit.actionsTried())
                .attachments(visit.attachments()).requestedBy(visit.actor()).requestedAt(visit.occurredAt())
                .state(OPEN).build();
        return opened.requested();
    }

    /** INT-23: a ticket the desk classified as a technical question; its fault description is the question. */
    static TechSupportChange forTechnicalQuestion(TicketRegistered ticket) {
        String question = ticket.faultDescription() != null && !ticket.faultDescription().isBlank()
                ? ticket.faultDescription()
                : "Technical question on ticket " + (ticket.ticketNumber() == null ? ticket.ticketId()
                        : ticket.ticketNumber()) + " about " + ticket.productModel() + "; the ticket has the details";
        TechSupportRequest opened = new Builder().id(UUID.randomUUID()).source(TechSupportSource.TECHNICAL_QUESTION)
                .ticketId(ticket.ticketId()).ticketNumber(ticket.ticketNumber()).productModel(ticket.productModel())
                .question(question).requestedBy(ticket.actor()).requestedAt(ticket.occurredAt()).state(OPEN).build();
        return opened.requested();
    }

    private TechSupportChange requested() {
        return new TechSupportChange(this, true, List.of(new TechSupportRequested(id, workOrderId, ticketId, source,
                productModel, question, technician, requestedBy, requestedAt)));
    }

    /** Engineering's solution, with the parts the follow-up visit needs (requested only for a NOT_FIXED request). */
    TechSupportChange solve(String solution, List<PartLine> parts, String actor, Instant now) {
        TechSupportState next = state.requireTransitionTo(SOLVED);
        TechSupportRequest solved = toBuilder().state(next).solution(solution).partsNeeded(parts).answeredBy(actor)
                .answeredAt(now).version(version + 1).build();
        return new TechSupportChange(solved, false, List.of(new TechSupportSolved(id, workOrderId, ticketId, source,
                solution, parts, actor, now)));
    }

    /** Closed without a solution, with the reason. */
    TechSupportChange close(String reason, String actor, Instant now) {
        TechSupportState next = state.requireTransitionTo(CLOSED);
        TechSupportRequest closed = toBuilder().state(next).closeReason(reason).answeredBy(actor).answeredAt(now)
                .version(version + 1).build();
        return new TechSupportChange(closed, false, List.of(new TechSupportClosed(id, workOrderId, ticketId, source,
                reason, actor, now)));
    }

    /** SEC-02: the technician who asked may read their own request. */
    boolean askedBy(String login) {
        return login.equals(technician);
    }

    Builder toBuilder() {
        return new Builder(this);
    }

    /** Names each field, so neither a new request nor a row read back is a list of positional nulls. */
    static final class Builder {
        private UUID id;
        private TechSupportSource source;
        private UUID ticketId;
        private String ticketNumber;
        private UUID workOrderId;
        private UUID visitId;
        private String technician;
        private String productModel;
        private String question;
        private String siteSituation;
        private String symptom;
        private String actionsTried;
        private List<String> attachments = List.of();
        private String requestedBy;
        private Instant requestedAt;
        private TechSupportState state;
        private String solution;
        private List<PartLine> partsNeeded = List.of();
        private String closeReason;
        private String answeredBy;
        private Instant answeredAt;
        private int version;

        Builder() {
        }

        private Builder(TechSupportRequest r) {
            id(r.id).source(r.source).ticketId(r.ticketId).ticketNumber(r.ticketNumber).workOrderId(r.workOrderId)
                    .visitId(r.visitId).technician(r.technician).productModel(r.productModel).question(r.question)
                    .siteSituation(r.siteSituation).symptom(r.symptom).actionsTried(r.actionsTried)
                    .attachments(r.attachments).requestedBy(r.requestedBy).requestedAt(r.requestedAt).state(r.state)
                    .solution(r.solution).partsNeeded(r.partsNeeded).closeReason(r.closeReason)
                    .answeredBy(r.answeredBy).answeredAt(r.answeredAt).version(r.version);
        }

        Builder id(UUID value) { id = value; return this; }
        Builder source(TechSupportSource value) { source = value; return this; }
        Builder ticketId(UUID value) { ticketId = value; return this; }
        Builder ticketNumber(String value) { ticketNumber = value; return this; }
        Builder workOrderId(UUID value) { workOrderId = value; return this; }
        Builder visitId(UUID value) { visitId = value; return this; }
        Builder technician(String value) { technician = value; return this; }
        Builder productModel(String value) { productModel = value; return this; }
        Builder question(String value) { question = value; return this; }
        Builder siteSituation(String value) { siteSituation = value; return this; }
        Builder symptom(String value) { symptom = value; return this; }
        Builder actionsTried(String value) { actionsTried = value; return this; }
        Builder attachments(List<String> value) { attachments = List.copyOf(value); return this; }
        Builder requestedBy(String value) { requestedBy = value; return this; }
        Builder requestedAt(Instant value) { requestedAt = value; return this; }
        Builder state(TechSupportState value) { state = value; return this; }
        Builder solution(String value) { solution = value; return this; }
        Builder partsNeeded(List<PartLine> value) { partsNeeded = List.copyOf(value); return this; }
        Builder closeReason(String value) { closeReason = value; return this; }
        Builder answeredBy(String value) { answeredBy = value; return this; }
        Builder answeredAt(Instant value) { answeredAt = value; return this; }
        Builder version(int value) { version = value; return this; }

        TechSupportRequest build() {
            return new TechSupportRequest(id, source, ticketId, ticketNumber, workOrderId, visitId, technician,
                    productModel, question, siteSituation, symptom, actionsTried, attachments, requestedBy,
                    requestedAt, state, solution, partsNeeded, closeReason, answeredBy, answeredAt, version);
        }
    }
}
