package com.opensvc.aftersales.intake.ticket;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.opensvc.aftersales.intake.entitlement.Assessment;
import com.opensvc.aftersales.intake.entitlement.Entitlement;
import com.opensvc.aftersales.intake.entitlement.ExclusionReason;
import com.opensvc.aftersales.intake.entitlement.Remedy;
import com.opensvc.aftersales.intake.ticket.TicketChange.HistoryLine;
import com.opensvc.aftersales.intake.ticket.TicketEvents.TicketAccepted;
import com.opensvc.aftersales.intake.ticket.TicketEvents.TicketCancelled;
import com.opensvc.aftersales.intake.ticket.TicketEvents.EntitlementChanged;
import com.opensvc.aftersales.intake.ticket.TicketEvents.TicketClosed;
import com.opensvc.aftersales.intake.ticket.TicketEvents.TicketRegistered;
import com.opensvc.aftersales.intake.ticket.TicketEvents.TicketResolved;
import com.opensvc.aftersales.web.ForbiddenException;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.InvalidFieldException.FieldError;
import com.opensvc.aftersales.web.StateConflictException;

/**
 * A ticket as intake keeps it, and the one place that decides what may happen to it: each transition guards the
 * ticket's state with INT-13's table ({@link TicketState}) and returns a {@link TicketChange} (the ticket after it,
 * its timeline lines, the events it publishes) for the repository to save. {@code entitlement} is the effective one:
 * a supervisor's override, else PAID when an exclusion is recorded (INT-07), else {@code computedEntitlement} from the
 * installed product (INT-06). The last four components are kept with the ticket but are not part of its API.
 */
public record Ticket(UUID id, String number, UUID customerId, String customerRegion, UUID installedProductId,
                     String productModel, String productLine, String serialNumber, LocalDate shipDate,
                     LocalDate reportedOn, String faultDescription, Channel channel, Referrer referredBy,
                     TicketKind kind, TicketCategory category, Classification classification, Classification.Route routedTo,
                     ServiceType serviceType, Priority priority, Entitlement entitlement,
                     Entitlement computedEntitlement, String entitlementReason, LocalDate warrantyEnd,
                     boolean customerBlocked, boolean qualityMustReport, List<ExpectedPart> expectedParts,
                     TicketState state, UUID workOrderId, UUID mergedIntoTicketId, List<TicketLink> links, int version,
                     Instant createdAt, String createdBy, @JsonIgnore UUID contactId, @JsonIgnore Inspection inspection,
                     @JsonIgnore Closing closing, @JsonIgnore Pause pause, @JsonIgnore Assignment assignment,
                     @JsonIgnore TicketState quoteResumesTo) {

    /**
     * States in which the desk may still change the entitlement or an engineer record an inspection: before service,
     * and in service (INT-07: a change after acceptance publishes EntitlementChanged; INT-06: the assigned technician
     * inspects on site).
     */
    private static final Set<TicketState> ENTITLEMENT_OPEN = Set.of(TicketState.REGISTERED,
            TicketState.AWAITING_QUOTE, TicketState.PENDING, TicketState.ACCEPTED, TicketState.IN_SERVICE,
            TicketState.REOPENED);

    /** INT-06: the after-sales engineer's inspection; {@code qualityProblemConfirmed} is null until there is one. */
    public record Inspection(Boolean qualityProblemConfirmed, String finding, String by, Instant at) {
        static final Inspection NONE = new Inspection(null, null, null, null);
    }

    /**
     * What the closing gate (INT-05, INT-13) keeps on the ticket: quality's improvement report (QLT-05), and when the
     * ticket was last resolved (the revisit decision it waits for comes after that, REV-01). The revisit facts
     * themselves are kept beside the ticket (ticket_revisit_fact).
     */
    public record Closing(UUID improvementReportId, Instant improvementReportIssuedAt, Instant resolvedAt) {
        static final Closing NONE = new Closing(null, null, null);

        Closing resolved(Instant at) {
            return new Closing(improvementReportId, improvementReportIssuedAt, at);
        }
    }

    /** INT-06: the technician dispatch assigned to the ticket's work order (TechnicianAssigned; the latest wins). */
    public record Assignment(String technicianId, UUID workOrderId, Instant at) {
        static final Assignment NONE = new Assignment(null, null, null);
    }

    /** SLA-05: while PENDING the customer's date is the ticket's deadline and its clocks are paused since {@code pausedAt}. */
    public record Pause(LocalDate pendingUntil, Instant pausedAt) {
        static final Pause NONE = new Pause(null, null);
    }

    /** INT-06: whether an engineer confirmed the quality problem; null before an inspection. */
    @JsonProperty("inspectionConfirmed")
    public Boolean inspectionConfirmed() {
        return inspection.qualityProblemConfirmed();
    }

    /** INT-06: RETURN and EXCHANGE only once an engineer has confirmed the quality problem. */
    @JsonProperty("allowedRemedies")
    public Set<Remedy> allowedRemedies() {
        return Remedy.allowedBy(entitlement, Boolean.TRUE.equals(inspectionConfirmed()));
    }

    @JsonIgnore
    public boolean isOpen() {
        return !state.isTerminal();
    }

    /** The human number: the year of registration and a sequence of at least six digits (T-2026-000042). */
    static String number(int year, long sequence) {
        return "T-%d-%06d".formatted(year, sequence);
    }

    /**
     * INT-02 INT-23 registration: the new ticket, REGISTERED, with its routing and any open tickets for the same serial
     * on its timeline (INT-16), and TicketRegistered.
     */
    static TicketChange register(UUID id, String number, RegisterTicketRequest request, RegistrationFacts facts,
                                 List<Ticket> openDuplicates, Instant now, String actor) {
        TicketKind kind = request.kindOrDefault();
        TicketCategory category = request.category() != null ? request.category() : kind.defaultCategory();
        Classification classification = request.classificationOrDefault();
        Priority priority = classification.priority(request.priority());
        Assessment assessment = facts.assessment();
        Ticket ticket = builder().id(id).number(number).customerId(facts.customer().id())
                .customerRegion(facts.customer().region()).contactId(facts.contactId())
                .installedProductId(facts.installedProductId()).productModel(request.productModel())
                .productLine(facts.productLine()).serialNumber(facts.serialNumber()).shipDate(facts.dates().shipDate())
                .reportedOn(facts.reportedOn()).faultDescription(request.faultDescription()).channel(request.channel())
                .referredBy(request.referredBy() == null ? null : request.referredBy().normalized())
                .kind(kind).category(category).classification(classification)
                .routedTo(classification.routeFor(priority)).serviceType(request.serviceTypeOrDefault()).priority(priority)
                .entitlement(assessment.entitlement()).computedEntitlement(assessment.entitlement())
                .entitlementReason(assessment.reason()).warrantyEnd(assessment.warrantyEnd())
                .customerBlocked(facts.customer().blocked()).qualityMustReport(facts.qualityMustReport())
                .expectedParts(request.expectedPartsOrEmpty()).state(TicketState.REGISTERED).createdAt(now)
                .createdBy(actor).build();
        List<HistoryLine> history = new ArrayList<>();
        history.add(new HistoryLine(now, actor, "REGISTERED", null, TicketState.REGISTERED, "channel " + ticket.channel()
                + ", " + kind + (category == null ? "" : "/" + category) + ", entitlement " + assessment.entitlement()
                + " (" + assessment.reason() + ")"));
        ticket.routing().ifPresent(detail -> history.add(
                new HistoryLine(now, actor, "ROUTED_TO_" + ticket.routedTo(), null, null, detail)));
        for (Ticket other : openDuplicates) {
            history.add(new HistoryLine(now, actor, "DUPLICATE_LINKED", null, null,
                    "open ticket " + other.number() + " exists for the same serial"));
        }
        Entitlement entitlement = assessment.entitlement();
        List<Object> inProcess = new ArrayList<>();
        Instant firstContact = request.firstContactAt();
        inProcess.add(new TicketOpened(id, kind, now, firstContact == null || firstContact.isAfter(now) ? now : firstContact,
                actor));
        if (kind == TicketKind.COMPLAINT) {
            inProcess.add(new ComplaintTicketRegistered(id, Boolean.TRUE.equals(request.majorComplaint()),
                    request.complaintSubjectsOrEmpty(), actor));
        }
        return new TicketChange(null, ticket, now, history, List.of(new TicketRegistered(id, number, ticket.channel(),
                ticket.serviceType(), ticket.productModel(), ticket.productLine(),
                entitlement == null ? null : entitlement.name(), kind, category, priority, ticket.routedTo(),
                ticket.customerBlocked(), openDuplicates.stream().map(Ticket::id).toList(),
                request.complaintSubjectsOrEmpty(), actor, now,
                ticket.routedTo() == Classification.Route.ENGINEERING ? ticket.faultDescription() : null,
                ticket.referredBy())), inProcess);
    }

    /** INT-16: a ticket registered for this ticket's serial while it is open; the two are linked. */
    TicketChange duplicateRegistered(Ticket registered, String actor, Instant now) {
        return note(line(now, actor, "DUPLICATE_LINKED", null,
                "ticket " + registered.number() + " registered for the same serial"));
    }

    /** INT-16: {@code duplicate} was merged into this ticket. */
    TicketChange mergedFrom(Ticket duplicate, String actor, Instant now) {
        return note(line(now, actor, "MERGED_FROM", null,
                "ticket " + duplicate.number() + " merged into this one: " + duplicate.faultDescription()));
    }

    /** INT-23: where the desk's classification sends the ticket, for its timeline; nothing for the usual desk. */
    private Optional<String> routing() {
        return Optional.ofNullable(switch (routedTo) {
            case SUPERVISOR -> "URGENT: to the after-sales supervisor at once (" + classification + ")";
            case ENGINEERING -> "technical-support request to engineering";
            case SALES -> "sales matter forwarded to sales (internal referral out)";
            case AFTER_SALES -> null;
        });
    }

    /**
     * INT-13 acceptance for dispatch: a blocked customer's ticket needs a supervisor (INT-20), a paid repair an
     * approved quote (INT-08), and dispatch needs its facts (INT-02).
     */
    TicketChange accept(String actor, boolean actorIsSupervisor, PaidServiceGate paidServiceGate, SiteContact site,
                        Instant now) {
        state.requireTransitionTo(TicketState.ACCEPTED);
        if (customerBlocked && !actorIsSupervisor) {
            throw new ForbiddenException("the customer of ticket " + number
                    + " is blocked: a supervisor must accept it (INT-20)");
        }
        paidServiceGate.requireApprovedQuote(this);
        requireDispatchFacts();
        return move(TicketState.ACCEPTED, TicketState.ACCEPTED.name(), actor, now, null, now,
                List.of(new TicketAccepted(id, number, serviceType, entitlement.name(), customerRegion, productLine,
                        productModel, serialNumber, expectedParts, priority, qualityMustReport, kind, customerId,
                        installedProductId, site, actor, now, referredBy)));
    }

    /** INT-02: product line, serial number, ship date and the customer's region are needed before dispatch. */
    private void requireDispatchFacts() {
        List<FieldError> missing = new ArrayList<>();
        if (serialNumber == null || serialNumber.isBlank()) {
            missing.add(new FieldError("serialNumber", "is required before dispatch"));
        }
        if (shipDate == null) {
            missing.add(new FieldError("shipDate", "is required before dispatch"));
        }
        if (productLine == null || productLine.isBlank()) {
            missing.add(new FieldError("productLine", "is required before dispatch"));
        }
        if (customerRegion == null || customerRegion.isBlank()) {
            missing.add(new FieldError("customer.region", "is required before dispatch"));
        }
        if (missing.isEmpty() && entitlement == null) {
            missing.add(new FieldError("entitlement", "is not known yet: " + entitlementReason));
        }
        if (!missing.isEmpty()) {
            throw new InvalidFieldException(missing);
        }
    }

    TicketChange cancel(String reason, String actor, Instant now) {
        return move(TicketState.CANCELLED, TicketState.CANCELLED.name(), actor, now, reason, now,
                List.of(new TicketCancelled(id, number, reason, null, actor, now)));
    }

    /**
     * INT-16: this ticket (a duplicate nobody has started on) is cancelled as merged into {@code target}, an open
     * ticket for the same product or one linked to it.
     */
    TicketChange mergeInto(Ticket target, String actor, Instant now) {
        if (!target.isOpen() || target.state() == TicketState.REJECTED) {
            throw new InvalidFieldException("intoTicketId", "ticket " + target.number() + " is " + target.state()
                    + "; merge into an open ticket");
        }
        boolean sameProduct = serialNumber != null && serialNumber.equals(target.serialNumber());
        boolean linked = links.stream().anyMatch(l -> l.ticketId().equals(target.id()));
        if (!sameProduct && !linked) {
            throw new InvalidFieldException("intoTicketId", "is not a duplicate of ticket " + number
                    + " (different serial number and not linked)");
        }
        TicketState next = state.requireTransitionTo(TicketState.CANCELLED);
        return new TicketChange(this, toBuilder().state(next).mergedIntoTicketId(target.id()).build(), now,
                List.of(new HistoryLine(now, actor, "MERGED", state, next, "merged into " + target.number())),
                List.of(new TicketCancelled(id, number, "merged into " + target.number(), target.id(), actor, now)));
    }

    /**
     * A work order exists: the ticket is in service. A ticket waiting for a quote after acceptance (INT-07) only
     * records it and returns to IN_SERVICE once the quote is approved. Empty when the ticket's state does not allow it.
     */
    Optional<TicketChange> workOrderCreated(UUID workOrder, String actor, Instant at, Instant now) {
        if (state == TicketState.AWAITING_QUOTE && quoteResumesTo != null) {
            return Optional.of(new TicketChange(this, toBuilder().workOrderId(workOrder)
                    .quoteResumesTo(TicketState.IN_SERVICE).build(), now, List.of(line(at, actor, "WORK_ORDER_CREATED",
                    null, "work order " + workOrder + "; in service once the quote is approved (INT-08)")), List.of()));
        }
        if (!state.canBecome(TicketState.IN_SERVICE)) {
            return Optional.empty();
        }
        return Optional.of(new TicketChange(this, toBuilder().state(TicketState.IN_SERVICE).workOrderId(workOrder).build(),
                now, List.of(line(at, actor, TicketState.IN_SERVICE.name(), TicketState.IN_SERVICE, "work order " + workOrder)),
                List.of()));
    }

    /**
     * The repair is closed: a ticket in service is resolved and waits for the revisit decision about this resolution
     * (REV-01; one that arrived before, for this work order or later than the repair, counts). REGISTERED/ACCEPTED →
     * RESOLVED is the complaint process's move.
     */
    Optional<TicketChange> repairClosed(UUID workOrder, String actor, Instant at, Instant now) {
        if (state != TicketState.IN_SERVICE) {
            return Optional.empty();
        }
        Ticket resolved = toBuilder().state(TicketState.RESOLVED).workOrderId(workOrder).closing(closing.resolved(at))
                .build();
        return Optional.of(new TicketChange(this, resolved, now,
                List.of(line(at, actor, TicketState.RESOLVED.name(), TicketState.RESOLVED, "repair closed")),
                List.of(new TicketResolved(id, number, workOrder, actor, now))));
    }

    /**
     * QLT-05: quality's improvement report for the ticket is recorded (the first one counts for INT-05); the caller
     * then asks {@link #closeIfDone} whether the ticket was only waiting for it.
     */
    TicketChange improvementReportIssued(UUID reportId, String actor, Instant at, Instant now) {
        if (closing.improvementReportId() != null) {
            return note(line(at, actor, "IMPROVEMENT_REPORT_ISSUED", null,
                    "further improvement report " + reportId + "; the first one is kept for INT-05"));
        }
        Ticket reported = toBuilder().closing(new Closing(reportId, at, closing.resolvedAt())).build();
        return new TicketChange(this, reported, now, List.of(line(at, actor, "IMPROVEMENT_REPORT_ISSUED", null,
                "quality improvement report " + reportId + " issued (QLT-05)")), List.of());
    }

    /** No change yet: the start of a change that {@link #closeIfDone} may extend. */
    TicketChange unchanged(Instant now) {
        return new TicketChange(this, this, now, List.of(), List.of());
    }

    /**
     * INT-13 REV-01 INT-05 INT-11: after {@code change} (of this ticket), the ticket closes in the same change if
     * {@link ClosingGate} says so; else what it still waits for goes on the timeline with {@code detail} (the fact just
     * recorded), unless {@code detail} is null or nothing was decided yet.
     */
    static TicketChange closeIfDone(TicketChange change, RevisitFacts revisits, boolean complaintOpen, String detail,
                                    String actor, Instant at) {
        Ticket t = change.after();
        ClosingGate.Decision decision = ClosingGate.decide(t.state, t.qualityMustReport,
                t.closing.improvementReportId() != null, revisits.decided(), revisits.outstanding(), complaintOpen);
        String waiting = switch (decision) {
            case CLOSE, NOT_YET -> null;
            case WAIT_FOR_REVISIT -> "WAITING_FOR_REVISIT";
            case WAIT_FOR_COMPLAINT -> "WAITING_FOR_COMPLAINT";
            case WAIT_FOR_IMPROVEMENT_REPORT -> "WAITING_FOR_IMPROVEMENT_REPORT";
        };
        String why = switch (decision) {
            case WAIT_FOR_REVISIT -> "waiting for " + revisits.outstanding() + " scheduled revisit(s) (REV-01)";
            case WAIT_FOR_COMPLAINT -> "waiting for the complaint to be finished (INT-11)";
            case WAIT_FOR_IMPROVEMENT_REPORT -> "waiting for quality's improvement report (INT-05)";
            default -> null;
        };
        List<HistoryLine> history = new ArrayList<>(change.history());
        if (decision == ClosingGate.Decision.CLOSE) {
            history.add(new HistoryLine(at, actor, TicketState.CLOSED.name(), t.state, TicketState.CLOSED,
                    detail == null ? "revisit rules met (" + revisits.decidedBecause() + ")" : detail));
            List<TicketEvent> events = new ArrayList<>(change.events());
            events.add(new TicketClosed(t.id, t.number, revisits.decidedBecause(), actor, change.at()));
            return new TicketChange(change.before(), t.toBuilder().state(TicketState.CLOSED).build(), change.at(),
                    history, events, change.inProcess());
        }
        if (waiting == null || detail == null) {
            return change;
        }
        history.add(new HistoryLine(at, actor, waiting, null, null, detail + "; " + why));
        return new TicketChange(change.before(), t, change.at(), history, change.events(), change.inProcess());
    }

    /**
     * A transition another feature decides (quote, complaint, knowledge): INT-13's table allows it or it is refused
     * (409); {@code action} goes on the timeline and {@code events} are published with it.
     */
    TicketChange move(TicketState target, String action, String actor, Instant at, String detail, Instant now,
                      List<? extends TicketEvent> events) {
        TicketState next = state.requireTransitionTo(target);
        Builder moved = toBuilder().state(next);
        if (next == TicketState.RESOLVED) {
            moved.closing(closing.resolved(at));
        }
        return new TicketChange(this, moved.build(), now,
                List.of(new HistoryLine(at, actor, action, state, next, detail)), List.copyOf(events));
    }

    /**
     * INT-08 INT-07: the ticket's quote got its last approval. A ticket that waits for it after acceptance (its
     * entitlement became PAID) goes back to where it was — IN_SERVICE if it has a work order, else ACCEPTED — without
     * a second TicketAccepted; a ticket quoted before acceptance stays AWAITING_QUOTE for the desk to accept.
     */
    TicketChange quoteApproved(String action, String actor, Instant at, String detail, Instant now,
                               List<? extends TicketEvent> events) {
        if (state == TicketState.AWAITING_QUOTE && quoteResumesTo != null) {
            TicketState next = state.requireTransitionTo(quoteResumesTo);
            return new TicketChange(this, toBuilder().state(next).quoteResumesTo(null).build(), now,
                    List.of(new HistoryLine(at, actor, action, state, next, detail + "; work goes on (INT-07)")),
                    List.copyOf(events));
        }
        return new TicketChange(this, this, now, List.of(line(at, actor, action, null, detail)), List.copyOf(events));
    }

    /** Whether the ticket has been accepted for work and not finished: an entitlement change now is INT-07's. */
    private boolean acceptedForWork() {
        return switch (state) {
            case ACCEPTED, IN_SERVICE -> true;
            case AWAITING_QUOTE -> quoteResumesTo != null;
            case PENDING -> workOrderId != null;
            default -> false;
        };
    }

    /**
     * INT-07: after {@code change} altered the effective entitlement of a ticket accepted for work, EntitlementChanged
     * is published with it. A change to PAID without an approved quote puts the ticket in AWAITING_QUOTE (its SLA
     * clocks pause, SLA-05) until a quote is approved ({@link #quoteApproved}) or declined or expired
     * (DECLINED_PAID_SERVICE); a change away from PAID while it waits sends it back to work. A PENDING ticket keeps
     * its state (its clocks are paused already). Unchanged when the entitlement stayed or the ticket was not accepted.
     */
    static TicketChange entitlementChanged(TicketChange change, String reason, boolean approvedQuote, String actor,
                                           Instant now) {
        Ticket before = change.before();
        Ticket t = change.after();
        if (before.entitlement == null || t.entitlement == null || before.entitlement == t.entitlement
                || !before.acceptedForWork()) {
            return change;
        }
        boolean quoteRequired = t.entitlement == Entitlement.PAID && !approvedQuote;
        List<TicketEvent> events = new ArrayList<>(change.events());
        events.add(new EntitlementChanged(t.id, t.number, before.entitlement, t.entitlement, reason, quoteRequired,
                actor, now));
        List<HistoryLine> history = new ArrayList<>(change.history());
        Ticket after = t;
        if (quoteRequired && (t.state == TicketState.ACCEPTED || t.state == TicketState.IN_SERVICE)) {
            TicketState next = t.state.requireTransitionTo(TicketState.AWAITING_QUOTE);
            after = t.toBuilder().state(next).quoteResumesTo(t.state).build();
            history.add(new HistoryLine(now, actor, next.name(), t.state, next,
                    "entitlement now PAID: work waits for a quote accepted and approved (INT-07, INT-08)"));
        } else if (!quoteRequired && t.state == TicketState.AWAITING_QUOTE && t.quoteResumesTo != null) {
            TicketState next = t.state.requireTransitionTo(t.quoteResumesTo);
            after = t.toBuilder().state(next).quoteResumesTo(null).build();
            history.add(new HistoryLine(now, actor, "QUOTE_NO_LONGER_REQUIRED", t.state, next,
                    "entitlement now " + t.entitlement + ": work goes on without a quote (INT-07)"));
        }
        return new TicketChange(before, after, change.at(), history, events, change.inProcess());
    }

    /** INT-06: dispatch assigned {@code technicianId} to the ticket's work order; the latest assignment wins. */
    Optional<TicketChange> technicianAssigned(UUID workOrder, String technicianId, Instant at, Instant now) {
        if (assignment.at() != null && at.isBefore(assignment.at())) {
            return Optional.empty();
        }
        return Optional.of(new TicketChange(this, toBuilder().assignment(new Assignment(technicianId, workOrder, at))
                .build(), now, List.of(), List.of()));
    }

    /** INT-14 approval: the ticket is PENDING until the customer's date, its clocks paused from now (SLA-05). */
    TicketChange pend(LocalDate pendingUntil, String actor, Instant now, String detail, List<? extends TicketEvent> events) {
        TicketState next = state.requireTransitionTo(TicketState.PENDING);
        return new TicketChange(this, toBuilder().state(next).pause(new Pause(pendingUntil, now)).build(), now,
                List.of(new HistoryLine(now, actor, next.name(), state, next, detail)), List.copyOf(events));
    }

    /** INT-14: back from PENDING to the state the ticket came from; its clocks run again. */
    TicketChange resume(TicketState to, String actor, Instant now, String detail, List<? extends TicketEvent> events) {
        TicketState next = state.requireTransitionTo(to);
        return new TicketChange(this, toBuilder().state(next).pause(Pause.NONE).build(), now,
                List.of(new HistoryLine(now, actor, "RESUMED", state, next, detail)), List.copyOf(events));
    }

    /** Only the timeline changes. */
    TicketChange note(HistoryLine line) {
        return new TicketChange(this, this, line.at(), List.of(line), List.of());
    }

    /** INT-07: an exclusion recorded by the desk makes the ticket PAID unless a supervisor's override says otherwise. */
    TicketChange exclude(ExclusionReason reason, String note, Entitlement effective, String actor, Instant now) {
        requireEntitlementOpen("record an entitlement exclusion");
        return new TicketChange(this, toBuilder().entitlement(effective).build(), now, List.of(line(now, actor,
                "ENTITLEMENT_EXCLUDED", null, reason + (note == null ? "" : ": " + note) + "; entitlement "
                        + entitlement + " -> " + effective)), List.of());
    }

    /** INT-07: a supervisor's override (the caller records the audit entry). */
    TicketChange override(Entitlement to, String reason, String actor, Instant now) {
        requireEntitlementOpen("override the entitlement");
        return new TicketChange(this, toBuilder().entitlement(to).build(), now,
                List.of(line(now, actor, "ENTITLEMENT_OVERRIDDEN", null, entitlement + " -> " + to + ": " + reason)),
                List.of());
    }

    /**
     * INT-06: an after-sales engineer's inspection confirms (or not) the quality problem. Only the technician assigned
     * to the ticket's work order, or a supervisor, may record it (403 for anyone else).
     */
    TicketChange recordInspection(boolean qualityProblemConfirmed, String finding, String actor,
                                  boolean actorIsSupervisor, Instant now) {
        if (!actorIsSupervisor && (assignment.technicianId() == null || !assignment.technicianId().equals(actor))) {
            throw new ForbiddenException("only the technician assigned to the work order of ticket " + number
                    + " or a supervisor may record its inspection (INT-06)");
        }
        requireEntitlementOpen("record an inspection");
        return new TicketChange(this, toBuilder().inspection(new Inspection(qualityProblemConfirmed, finding, actor, now))
                .build(), now, List.of(line(now, actor, "INSPECTED", null,
                (qualityProblemConfirmed ? "quality problem confirmed" : "quality problem not confirmed")
                        + (finding == null ? "" : ": " + finding))), List.of());
    }

    /** INT-06: the installed product changed; empty when the assessment and the effective entitlement stay as they are. */
    Optional<TicketChange> recomputeEntitlement(Assessment assessment, Entitlement effective, String actor, Instant now) {
        if (Objects.equals(assessment.entitlement(), computedEntitlement)
                && Objects.equals(effective, entitlement)
                && Objects.equals(assessment.reason(), entitlementReason)) {
            return Optional.empty();
        }
        Ticket recomputed = toBuilder().entitlement(effective).computedEntitlement(assessment.entitlement())
                .entitlementReason(assessment.reason()).warrantyEnd(assessment.warrantyEnd()).build();
        return Optional.of(new TicketChange(this, recomputed, now, List.of(line(now, actor, "ENTITLEMENT_RECOMPUTED", null,
                "installed product changed: computed " + computedEntitlement + " -> " + assessment.entitlement()
                        + ", effective " + entitlement + " -> " + effective + " (" + assessment.reason() + ")")),
                List.of()));
    }

    private void requireEntitlementOpen(String action) {
        if (!ENTITLEMENT_OPEN.contains(state)) {
            throw new StateConflictException("ticket", state.name(), action);
        }
    }

    /** A timeline line; a state line ({@code to} not null) names the state it came from. */
    private HistoryLine line(Instant at, String actor, String action, TicketState to, String detail) {
        return new HistoryLine(at, actor, action, to == null ? null : state, to, detail);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a ticket by name (the row mapper, and the transitions through {@link #toBuilder()}). */
    public static final class Builder {
        private UUID id;
        private String number;
        private UUID customerId;
        private String customerRegion;
        private UUID installedProductId;
        private String productModel;
        private String productLine;
        private String serialNumber;
        private LocalDate shipDate;
        private LocalDate reportedOn;
        private String faultDescription;
        private Channel channel;
        private Referrer referredBy;
        private TicketKind kind;
        private TicketCategory category;
        private Classification classification;
        private Classification.Route routedTo;
        private ServiceType serviceType;
        private Priority priority;
        private Entitlement entitlement;
        private Entitlement computedEntitlement;
        private String entitlementReason;
        private LocalDate warrantyEnd;
        private boolean customerBlocked;
        private boolean qualityMustReport;
        private List<ExpectedPart> expectedParts = List.of();
        private TicketState state;
        private UUID workOrderId;
        private UUID mergedIntoTicketId;
        private List<TicketLink> links = List.of();
        private int version;
        private Instant createdAt;
        private String createdBy;
        private UUID contactId;
        private Inspection inspection = Inspection.NONE;
        private Closing closing = Closing.NONE;
        private Pause pause = Pause.NONE;
        private Assignment assignment = Assignment.NONE;
        private TicketState quoteResumesTo;

        private Builder() {
        }

        private Builder(Ticket t) {
            id = t.id;
            number = t.number;
            customerId = t.customerId;
            customerRegion = t.customerRegion;
            installedProductId = t.installedProductId;
            productModel = t.productModel;
            productLine = t.productLine;
            serialNumber = t.serialNumber;
            shipDate = t.shipDate;
            reportedOn = t.reportedOn;
            faultDescription = t.faultDescription;
            channel = t.channel;
            referredBy = t.referredBy;
            kind = t.kind;
            category = t.category;
            classification = t.classification;
            routedTo = t.routedTo;
            serviceType = t.serviceType;
            priority = t.priority;
            entitlement = t.entitlement;
            computedEntitlement = t.computedEntitlement;
            entitlementReason = t.entitlementReason;
            warrantyEnd = t.warrantyEnd;
            customerBlocked = t.customerBlocked;
            qualityMustReport = t.qualityMustReport;
            expectedParts = t.expectedParts;
            state = t.state;
            workOrderId = t.workOrderId;
            mergedIntoTicketId = t.mergedIntoTicketId;
            links = t.links;
            version = t.version;
            createdAt = t.createdAt;
            createdBy = t.createdBy;
            contactId = t.contactId;
            inspection = t.inspection;
            closing = t.closing;
            pause = t.pause;
            assignment = t.assignment;
            quoteResumesTo = t.quoteResumesTo;
        }

        public Builder id(UUID value) {
            id = value;
            return this;
        }

        public Builder number(String value) {
            number = value;
            return this;
        }

        public Builder customerId(UUID value) {
            customerId = value;
            return this;
        }

        public Builder customerRegion(String value) {
            customerRegion = value;
            return this;
        }

        public Builder installedProductId(UUID value) {
            installedProductId = value;
            return this;
        }

        public Builder productModel(String value) {
            productModel = value;
            return this;
        }

        public Builder productLine(String value) {
            productLine = value;
            return this;
        }

        public Builder serialNumber(String value) {
            serialNumber = value;
            return this;
        }

        public Builder shipDate(LocalDate value) {
            shipDate = value;
            return this;
        }

        public Builder reportedOn(LocalDate value) {
            reportedOn = value;
            return this;
        }

        public Builder faultDescription(String value) {
            faultDescription = value;
            return this;
        }

        public Builder channel(Channel value) {
            channel = value;
            return this;
        }

        public Builder referredBy(Referrer value) {
            referredBy = value;
            return this;
        }

        public Builder kind(TicketKind value) {
            kind = value;
            return this;
        }

        public Builder category(TicketCategory value) {
            category = value;
            return this;
        }

        public Builder classification(Classification value) {
            classification = value;
            return this;
        }

        public Builder routedTo(Classification.Route value) {
            routedTo = value;
            return this;
        }

        public Builder serviceType(ServiceType value) {
            serviceType = value;
            return this;
        }

        public Builder priority(Priority value) {
            priority = value;
            return this;
        }

        public Builder entitlement(Entitlement value) {
            entitlement = value;
            return this;
        }

        public Builder computedEntitlement(Entitlement value) {
            computedEntitlement = value;
            return this;
        }

        public Builder entitlementReason(String value) {
            entitlementReason = value;
            return this;
        }

        public Builder warrantyEnd(LocalDate value) {
            warrantyEnd = value;
            return this;
        }

        public Builder customerBlocked(boolean value) {
            customerBlocked = value;
            return this;
        }

        public Builder qualityMustReport(boolean value) {
            qualityMustReport = value;
            return this;
        }

        public Builder expectedParts(List<ExpectedPart> value) {
            expectedParts = value;
            return this;
        }

        public Builder state(TicketState value) {
            state = value;
            return this;
        }

        public Builder workOrderId(UUID value) {
            workOrderId = value;
            return this;
        }

        public Builder mergedIntoTicketId(UUID value) {
            mergedIntoTicketId = value;
            return this;
        }

        public Builder links(List<TicketLink> value) {
            links = value;
            return this;
        }

        public Builder version(int value) {
            version = value;
            return this;
        }

        public Builder createdAt(Instant value) {
            createdAt = value;
            return this;
        }

        public Builder createdBy(String value) {
            createdBy = value;
            return this;
        }

        public Builder contactId(UUID value) {
            contactId = value;
            return this;
        }

        public Builder inspection(Inspection value) {
            inspection = value;
            return this;
        }

        public Builder closing(Closing value) {
            closing = value;
            return this;
        }

        public Builder pause(Pause value) {
            pause = value;
            return this;
        }

        public Builder assignment(Assignment value) {
            assignment = value;
            return this;
        }

        public Builder quoteResumesTo(TicketState value) {
            quoteResumesTo = value;
            return this;
        }

        public Ticket build() {
            return new Ticket(id, number, customerId, customerRegion, installedProductId, productModel, productLine,
                    serialNumber, shipDate, reportedOn, faultDescription, channel, referredBy, kind, category,
                    classification, routedTo, serviceType, priority, entitlement, computedEntitlement, entitlementReason, warrantyEnd,
                    customerBlocked, qualityMustReport, expectedParts, state, workOrderId, mergedIntoTicketId, links,
                    version, createdAt, createdBy, contactId, inspection, closing, pause, assignment,
                    quoteResumesTo);
        }
    }
}
