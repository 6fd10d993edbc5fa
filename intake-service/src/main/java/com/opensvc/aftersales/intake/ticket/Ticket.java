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
                     LocalDate reportedOn, String faultDescription, Channel channel, TicketKind kind,
                     TicketCategory category, Classification classification, Classification.Route routedTo,
                     ServiceType serviceType, Priority priority, Entitlement entitlement,
                     Entitlement computedEntitlement, String entitlementReason, LocalDate warrantyEnd,
                     boolean customerBlocked, boolean qualityMustReport, List<ExpectedPart> expectedParts,
                     TicketState state, UUID workOrderId, UUID mergedIntoTicketId, List<TicketLink> links, int version,
                     Instant createdAt, String createdBy, @JsonIgnore UUID contactId, @JsonIgnore Inspection inspection,
                     @JsonIgnore Closing closing, @JsonIgnore Pause pause) {

    /** States in which the desk may still change the entitlement or record an inspection. */
    private static final Set<TicketState> BEFORE_SERVICE = Set.of(TicketState.REGISTERED, TicketState.AWAITING_QUOTE,
            TicketState.PENDING, TicketState.ACCEPTED, TicketState.REOPENED);

    /** INT-06: the after-sales engineer's inspection; {@code qualityProblemConfirmed} is null until there is one. */
    public record Inspection(Boolean qualityProblemConfirmed, String finding, String by, Instant at) {
        static final Inspection NONE = new Inspection(null, null, null, null);
    }

    /**
     * What INT-05's closing gate waits for besides the state: quality's improvement report (QLT-05), and the revisit
     * fact (RevisitCompleted / RevisitUnreachable) that would have closed the ticket, kept while it waits.
     */
    public record Closing(UUID improvementReportId, Instant improvementReportIssuedAt, String revisitDoneBecause,
                          Instant revisitDoneAt) {
        static final Closing NONE = new Closing(null, null, null, null);

        Closing revisitDone(String because, Instant at) {
            return new Closing(improvementReportId, improvementReportIssuedAt, because, at);
        }
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

    /** The human number: year and a sequence of at least six digits (T-2026-000042). */
    static String number(int year, int sequence) {
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
                request.complaintSubjectsOrEmpty(), actor, now)), inProcess);
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
    TicketChange accept(String actor, boolean actorIsSupervisor, PaidServiceGate paidServiceGate, Instant now) {
        state.requireTransitionTo(TicketState.ACCEPTED);
        if (customerBlocked && !actorIsSupervisor) {
            throw new ForbiddenException("the customer of ticket " + number
                    + " is blocked: a supervisor must accept it (INT-20)");
        }
        paidServiceGate.requireApprovedQuote(this);
        requireDispatchFacts();
        return move(TicketState.ACCEPTED, TicketState.ACCEPTED.name(), actor, now, null, now,
                List.of(new TicketAccepted(id, number, serviceType, entitlement.name(), customerRegion, productLine,
                        productModel, serialNumber, expectedParts, priority, qualityMustReport, actor, now)));
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

    /** A work order exists: the ticket is in service. Empty when the ticket's state does not allow it. */
    Optional<TicketChange> workOrderCreated(UUID workOrder, String actor, Instant at, Instant now) {
        if (!state.canBecome(TicketState.IN_SERVICE)) {
            return Optional.empty();
        }
        return Optional.of(new TicketChange(this, toBuilder().state(TicketState.IN_SERVICE).workOrderId(workOrder).build(),
                now, List.of(line(at, actor, TicketState.IN_SERVICE.name(), TicketState.IN_SERVICE, "work order " + workOrder)),
                List.of()));
    }

    /**
     * The repair is closed: a ticket in service is resolved and waits for its revisit, a new one (a revisit done
     * before belonged to an earlier resolution). REGISTERED/ACCEPTED → RESOLVED is the complaint process's move.
     */
    Optional<TicketChange> repairClosed(UUID workOrder, String actor, Instant at, Instant now) {
        if (state != TicketState.IN_SERVICE) {
            return Optional.empty();
        }
        Ticket resolved = toBuilder().state(TicketState.RESOLVED).workOrderId(workOrder)
                .closing(closing.revisitDone(null, null)).build();
        return Optional.of(new TicketChange(this, resolved, now,
                List.of(line(at, actor, TicketState.RESOLVED.name(), TicketState.RESOLVED, "repair closed")),
                List.of(new TicketResolved(id, number, workOrder, actor, now))));
    }

    /**
     * A revisit is done (REV-05 completed, REV-06 unreachable, named by {@code because}): the ticket closes, or waits
     * for its complaint (INT-11) or quality's improvement report (INT-05). Empty when it is not resolved.
     */
    Optional<TicketChange> revisitDone(String because, String detail, boolean complaintOpen, String actor, Instant at,
                                       Instant now) {
        return switch (ClosingGate.decide(state, qualityMustReport, closing.improvementReportId() != null, true,
                complaintOpen)) {
            case CLOSE -> Optional.of(close(this, because, actor, at, detail, now, List.of()));
            case WAIT_FOR_COMPLAINT -> Optional.of(waitForClosing(because, at, now,
                    line(at, actor, "WAITING_FOR_COMPLAINT", null, detail + "; waiting for the complaint to be finished (INT-11)")));
            case WAIT_FOR_IMPROVEMENT_REPORT -> Optional.of(waitForClosing(because, at, now,
                    line(at, actor, "WAITING_FOR_IMPROVEMENT_REPORT", null, detail + "; waiting for quality's improvement report (INT-05)")));
            case NOT_YET -> Optional.empty();
        };
    }

    private TicketChange waitForClosing(String because, Instant at, Instant now, HistoryLine line) {
        return new TicketChange(this, toBuilder().closing(closing.revisitDone(because, at)).build(), now, List.of(line),
                List.of());
    }

    /**
     * QLT-05: quality's improvement report for the ticket is recorded (the first one counts for INT-05); if the ticket
     * was only waiting for it, it closes now.
     */
    TicketChange improvementReportIssued(UUID reportId, boolean complaintOpen, String actor, Instant at, Instant now) {
        if (closing.improvementReportId() != null) {
            return note(line(at, actor, "IMPROVEMENT_REPORT_ISSUED", null,
                    "further improvement report " + reportId + "; the first one is kept for INT-05"));
        }
        Ticket reported = toBuilder().closing(new Closing(reportId, at, closing.revisitDoneBecause(),
                closing.revisitDoneAt())).build();
        HistoryLine issued = line(at, actor, "IMPROVEMENT_REPORT_ISSUED", null,
                "quality improvement report " + reportId + " issued (QLT-05)");
        String because = closing.revisitDoneBecause();
        if (ClosingGate.decide(state, qualityMustReport, true, because != null, complaintOpen) == ClosingGate.Decision.CLOSE) {
            return close(reported, because, actor, at, "improvement report arrived; revisit done earlier (" + because
                    + ")", now, List.of(issued));
        }
        return new TicketChange(this, reported, now, List.of(issued), List.of());
    }

    /** The ticket's complaint is finished: a resolved ticket whose revisit was already done closes now. */
    Optional<TicketChange> complaintFinished(String actor, Instant at, Instant now) {
        String because = closing.revisitDoneBecause();
        if (ClosingGate.decide(state, qualityMustReport, closing.improvementReportId() != null, because != null,
                false) != ClosingGate.Decision.CLOSE) {
            return Optional.empty();
        }
        return Optional.of(close(this, because, actor, at, "complaint finished; revisit done earlier (" + because + ")",
                now, List.of()));
    }

    /** INT-05: the ticket closes; {@code base} is this ticket with what the same change recorded first. */
    private TicketChange close(Ticket base, String because, String actor, Instant at, String detail, Instant now,
                               List<HistoryLine> earlier) {
        List<HistoryLine> history = new ArrayList<>(earlier);
        history.add(line(at, actor, TicketState.CLOSED.name(), TicketState.CLOSED, detail));
        return new TicketChange(this, base.toBuilder().state(TicketState.CLOSED).build(), now, history,
                List.of(new TicketClosed(id, number, because, actor, now)));
    }

    /**
     * A transition another feature decides (quote, complaint, knowledge): INT-13's table allows it or it is refused
     * (409); {@code action} goes on the timeline and {@code events} are published with it.
     */
    TicketChange move(TicketState target, String action, String actor, Instant at, String detail, Instant now,
                      List<? extends TicketEvent> events) {
        TicketState next = state.requireTransitionTo(target);
        return new TicketChange(this, toBuilder().state(next).build(), now,
                List.of(new HistoryLine(at, actor, action, state, next, detail)), List.copyOf(events));
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
        requireBeforeService("record an entitlement exclusion");
        return new TicketChange(this, toBuilder().entitlement(effective).build(), now, List.of(line(now, actor,
                "ENTITLEMENT_EXCLUDED", null, reason + (note == null ? "" : ": " + note) + "; entitlement "
                        + entitlement + " -> " + effective)), List.of());
    }

    /** INT-07: a supervisor's override (the caller records the audit entry). */
    TicketChange override(Entitlement to, String reason, String actor, Instant now) {
        requireBeforeService("override the entitlement");
        return new TicketChange(this, toBuilder().entitlement(to).build(), now,
                List.of(line(now, actor, "ENTITLEMENT_OVERRIDDEN", null, entitlement + " -> " + to + ": " + reason)),
                List.of());
    }

    /** INT-06: an after-sales engineer's inspection confirms (or not) the quality problem. */
    TicketChange recordInspection(boolean qualityProblemConfirmed, String finding, String actor, Instant now) {
        requireBeforeService("record an inspection");
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

    private void requireBeforeService(String action) {
        if (!BEFORE_SERVICE.contains(state)) {
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

        public Ticket build() {
            return new Ticket(id, number, customerId, customerRegion, installedProductId, productModel, productLine,
                    serialNumber, shipDate, reportedOn, faultDescription, channel, kind, category, classification,
                    routedTo, serviceType, priority, entitlement, computedEntitlement, entitlementReason, warrantyEnd,
                    customerBlocked, qualityMustReport, expectedParts, state, workOrderId, mergedIntoTicketId, links,
                    version, createdAt, createdBy, contactId, inspection, closing, pause);
        }
    }
}
