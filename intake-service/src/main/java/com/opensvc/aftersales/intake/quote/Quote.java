package com.opensvc.aftersales.intake.quote;

import static com.opensvc.aftersales.intake.quote.QuoteEvents.money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.opensvc.aftersales.intake.quote.QuoteEvents.QuoteAccepted;
import com.opensvc.aftersales.intake.quote.QuoteEvents.QuoteApproved;
import com.opensvc.aftersales.intake.quote.QuoteEvents.QuoteDeclined;
import com.opensvc.aftersales.intake.quote.QuoteEvents.QuoteIssued;
import com.opensvc.aftersales.intake.ticket.Ticket;
import com.opensvc.aftersales.intake.ticket.TicketEvent;
import com.opensvc.aftersales.intake.ticket.TicketState;
import com.opensvc.aftersales.web.ForbiddenException;
import com.opensvc.aftersales.web.StateConflictException;

/**
 * An issued quote (INT-08). Its lines, total and terms never change; a revision is a new quote that supersedes
 * it. Only its state and the customer's acceptance and the approvals are added later, each by a transition that
 * guards the state ({@link QuoteState}'s table) and returns what it caused, a {@link QuoteChange}.
 */
public record Quote(UUID id, UUID ticketId, int revision, UUID supersedes, QuoteState state, boolean removable,
                    PaymentTerms paymentTerms, String currency, List<QuoteLine> lines, BigDecimal total,
                    boolean needsManagerApproval, Instant issuedAt, String issuedBy, Instant validUntil,
                    String customerAcceptedBy, AcceptanceMethod acceptanceMethod, Instant customerAcceptedAt,
                    String acceptanceRecordedBy, String supervisorApprovedBy, Instant supervisorApprovedAt,
                    String managerApprovedBy, Instant managerApprovedAt, DeclineReason declinedReason,
                    String declinedNote, Instant closedAt, String closedBy, int version) {

    /** Only a REGISTERED ticket, or one waiting on its quote, is quoted; else 409. */
    static void requireQuotable(Ticket ticket) {
        if (ticket.state() != TicketState.REGISTERED && ticket.state() != TicketState.AWAITING_QUOTE) {
            throw new StateConflictException("ticket", ticket.state().name(), "be quoted (only REGISTERED or AWAITING_QUOTE)");
        }
    }

    /**
     * Issues a quote, or the next revision of {@code previous}: valid for the configured period, and needing a
     * manager's approval above the limit. The first quote puts the ticket in AWAITING_QUOTE.
     */
    static QuoteChange issue(UUID id, Ticket ticket, Quote previous, QuotePricing.Priced priced, boolean removable,
                             PaymentTerms paymentTerms, QuoteProperties properties, String actor, Instant now) {
        requireQuotable(ticket);
        Quote quote = builder().id(id).ticketId(ticket.id()).revision(previous == null ? 1 : previous.revision() + 1)
                .supersedes(previous == null ? null : previous.id()).state(QuoteState.ISSUED).removable(removable)
                .paymentTerms(paymentTerms).currency(properties.currency()).lines(priced.lines()).total(priced.total())
                .needsManagerApproval(QuotePricing.needsManagerApproval(priced.total(), properties.managerApprovalAbove()))
                .issuedAt(now).issuedBy(actor).validUntil(now.plus(properties.validity())).build();
        return QuoteChange.of(quote, "QUOTE_ISSUED", actor, now, "quote " + id + " revision " + quote.revision()
                        + ": " + quote.total() + " " + quote.currency() + ", " + quote.paymentTerms() + ", valid until "
                        + quote.validUntil() + (quote.needsManagerApproval() ? ", needs a manager's approval" : ""),
                new QuoteIssued(ticket.id(), ticket.number(), id, quote.revision(), quote.supersedes(),
                        ticket.entitlement().name(), ticket.serviceType().name(), removable, paymentTerms,
                        quote.currency(), lines(quote), money(quote.total()), quote.needsManagerApproval(),
                        quote.validUntil(), actor, now))
                .issued()
                .movingTicketTo(ticket.state() == TicketState.REGISTERED ? TicketState.AWAITING_QUOTE : null);
    }

    /** An open quote past its validity counts as expired even before the expiry job has marked it. */
    public QuoteState effectiveState(Instant now) {
        return QuoteState.OPEN.contains(state) && !now.isBefore(validUntil) ? QuoteState.EXPIRED : state;
    }

    /** A revision supersedes the quote, unless it is closed already. */
    Optional<QuoteChange> supersededBy(UUID revisionId, String actor, Instant now) {
        if (!state.canBecome(QuoteState.SUPERSEDED)) {
            return Optional.empty();
        }
        return Optional.of(QuoteChange.unannounced(closed(QuoteState.SUPERSEDED, null, "revised by quote " + revisionId,
                actor, now)));
    }

    QuoteChange acceptByCustomer(Ticket ticket, CustomerAnswer answer, String actor, Instant now) {
        requireOpen(now, "be accepted");
        state.requireTransitionTo(QuoteState.ACCEPTED_BY_CUSTOMER);
        requireAwaitingQuote(ticket);
        Quote accepted = toBuilder().state(QuoteState.ACCEPTED_BY_CUSTOMER).customerAcceptedBy(answer.customerName())
                .acceptanceMethod(answer.method()).customerAcceptedAt(now).acceptanceRecordedBy(actor)
                .version(version + 1).build();
        return QuoteChange.of(accepted, "QUOTE_ACCEPTED_BY_CUSTOMER", actor, now, "quote " + id + " accepted by "
                + answered(answer), new QuoteAccepted(ticketId, ticket.number(), id, revision, money(total), currency,
                paymentTerms, answer.customerName(), answer.method(), needsManagerApproval, actor, now));
    }

    /** The supervisor always approves; above {@code managerApprovalAbove} the quote then waits for a manager. */
    QuoteChange approveAsSupervisor(Ticket ticket, BigDecimal managerApprovalAbove, String actor, Instant now) {
        requireOpen(now, "be approved");
        if (state != QuoteState.ACCEPTED_BY_CUSTOMER) {
            throw new StateConflictException("quote", state.name(),
                    "be approved by a supervisor (the customer must have accepted it, and only once)");
        }
        requireAwaitingQuote(ticket);
        QuoteState next = needsManagerApproval ? QuoteState.AWAITING_MANAGER : QuoteState.APPROVED;
        state.requireTransitionTo(next);
        Quote approved = toBuilder().state(next).supervisorApprovedBy(actor).supervisorApprovedAt(now)
                .version(version + 1).build();
        if (next == QuoteState.AWAITING_MANAGER) {
            return QuoteChange.of(approved, "QUOTE_APPROVED_BY_SUPERVISOR", actor, now, "quote " + id + ": total "
                    + total + " is above " + managerApprovalAbove + ", a manager must approve too");
        }
        return QuoteChange.of(approved, "QUOTE_APPROVED_BY_SUPERVISOR", actor, now, "quote " + id + ": approved",
                approved.approvedEvent(ticket, actor, now)).approvedNow();
    }

    /** INT-08: QuoteApproved, for the approval that completes the quote's approvals. */
    private QuoteApproved approvedEvent(Ticket ticket, String actor, Instant now) {
        return new QuoteApproved(ticketId, ticket.number(), id, revision, money(total), currency, paymentTerms, actor,
                supervisorApprovedBy, managerApprovedBy, actor, now);
    }

    /** Above the limit a manager approves after the supervisor, and never the same person (four eyes). */
    QuoteChange approveAsManager(Ticket ticket, String actor, Instant now) {
        requireOpen(now, "be approved");
        if (state != QuoteState.AWAITING_MANAGER) {
            throw new StateConflictException("quote", state.name(),
                    "be approved by a manager (only after the supervisor, and only above the limit)");
        }
        if (actor.equals(supervisorApprovedBy)) {
            throw new ForbiddenException("the supervisor who approved quote " + id + " cannot also give the manager's approval");
        }
        requireAwaitingQuote(ticket);
        state.requireTransitionTo(QuoteState.APPROVED);
        Quote approved = toBuilder().state(QuoteState.APPROVED).managerApprovedBy(actor).managerApprovedAt(now)
                .version(version + 1).build();
        return QuoteChange.of(approved, "QUOTE_APPROVED_BY_MANAGER", actor, now, "quote " + id + ": approved",
                approved.approvedEvent(ticket, actor, now)).approvedNow();
    }

    /** The customer says no: the quote is declined and the ticket closes as DECLINED_PAID_SERVICE. */
    QuoteChange decline(Ticket ticket, CustomerAnswer answer, String actor, Instant now) {
        state.requireTransitionTo(QuoteState.DECLINED);
        ticket.state().requireTransitionTo(TicketState.DECLINED_PAID_SERVICE);
        return QuoteChange.of(closed(QuoteState.DECLINED, DeclineReason.CUSTOMER_DECLINED, answer.note(), actor, now),
                        "QUOTE_DECLINED", actor, now, "quote " + id + " declined by " + answered(answer),
                        declined(ticket, DeclineReason.CUSTOMER_DECLINED, answer.customerName(), answer.method(),
                                answer.note(), actor, now))
                .movingTicketTo(TicketState.DECLINED_PAID_SERVICE);
    }

    /**
     * Past its validity the quote expires; its ticket closes as DECLINED_PAID_SERVICE when its state allows (a
     * cancelled ticket stays cancelled). Empty when the quote is no longer open.
     */
    Optional<QuoteChange> expire(Ticket ticket, String actor, Instant now) {
        if (!state.canBecome(QuoteState.EXPIRED)) {
            return Optional.empty();
        }
        return Optional.of(QuoteChange.of(closed(QuoteState.EXPIRED, DeclineReason.EXPIRED, null, actor, now),
                        "QUOTE_EXPIRED", actor, now, "quote " + id + " was valid until " + validUntil,
                        declined(ticket, DeclineReason.EXPIRED, null, null, null, actor, now))
                .movingTicketTo(ticket.state().canBecome(TicketState.DECLINED_PAID_SERVICE)
                        ? TicketState.DECLINED_PAID_SERVICE : null));
    }

    private Quote closed(QuoteState closedState, DeclineReason reason, String note, String actor, Instant now) {
        return toBuilder().state(closedState).declinedReason(reason).declinedNote(note).closedAt(now).closedBy(actor)
                .version(version + 1).build();
    }

    private TicketEvent declined(Ticket ticket, DeclineReason reason, String declinedBy, AcceptanceMethod method,
                                 String note, String actor, Instant now) {
        return new QuoteDeclined(ticket.id(), ticket.number(), id, revision, reason, money(total), currency, declinedBy,
                method, note, actor, now);
    }

    private void requireOpen(Instant now, String attempted) {
        if (effectiveState(now) == QuoteState.EXPIRED && state != QuoteState.EXPIRED) {
            throw new StateConflictException("quote", QuoteState.EXPIRED.name(),
                    attempted + ": it was valid until " + validUntil);
        }
    }

    private static void requireAwaitingQuote(Ticket ticket) {
        if (ticket.state() != TicketState.AWAITING_QUOTE) {
            throw new StateConflictException("ticket", ticket.state().name(), "take a quote decision (not AWAITING_QUOTE)");
        }
    }

    private static String answered(CustomerAnswer answer) {
        return answer.customerName() + " (" + answer.method() + ")" + (answer.note() == null ? "" : ": " + answer.note());
    }

    private static List<QuoteEvents.Line> lines(Quote quote) {
        return quote.lines().stream().map(QuoteEvents.Line::of).toList();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().id(id).ticketId(ticketId).revision(revision).supersedes(supersedes).state(state)
                .removable(removable).paymentTerms(paymentTerms).currency(currency).lines(lines).total(total)
                .needsManagerApproval(needsManagerApproval).issuedAt(issuedAt).issuedBy(issuedBy).validUntil(validUntil)
                .customerAcceptedBy(customerAcceptedBy).acceptanceMethod(acceptanceMethod)
                .customerAcceptedAt(customerAcceptedAt).acceptanceRecordedBy(acceptanceRecordedBy)
                .supervisorApprovedBy(supervisorApprovedBy).supervisorApprovedAt(supervisorApprovedAt)
                .managerApprovedBy(managerApprovedBy).managerApprovedAt(managerApprovedAt)
                .declinedReason(declinedReason).declinedNote(declinedNote).closedAt(closedAt).closedBy(closedBy)
                .version(version);
    }

    /** Builds a quote by name (the row mapper, and each transition's next state). */
    public static final class Builder {
        private UUID id;
        private UUID ticketId;
        private int revision;
        private UUID supersedes;
        private QuoteState state;
        private boolean removable;
        private PaymentTerms paymentTerms;
        private String currency;
        private List<QuoteLine> lines = List.of();
        private BigDecimal total;
        private boolean needsManagerApproval;
        private Instant issuedAt;
        private String issuedBy;
        private Instant validUntil;
        private String customerAcceptedBy;
        private AcceptanceMethod acceptanceMethod;
        private Instant customerAcceptedAt;
        private String acceptanceRecordedBy;
        private String supervisorApprovedBy;
        private Instant supervisorApprovedAt;
        private String managerApprovedBy;
        private Instant managerApprovedAt;
        private DeclineReason declinedReason;
        private String declinedNote;
        private Instant closedAt;
        private String closedBy;
        private int version;

        private Builder() {
        }

        public Builder id(UUID value) { id = value; return this; }
        public Builder ticketId(UUID value) { ticketId = value; return this; }
        public Builder revision(int value) { revision = value; return this; }
        public Builder supersedes(UUID value) { supersedes = value; return this; }
        public Builder state(QuoteState value) { state = value; return this; }
        public Builder removable(boolean value) { removable = value; return this; }
        public Builder paymentTerms(PaymentTerms value) { paymentTerms = value; return this; }
        public Builder currency(String value) { currency = value; return this; }
        public Builder lines(List<QuoteLine> value) { lines = value; return this; }
        public Builder total(BigDecimal value) { total = value; return this; }
        public Builder needsManagerApproval(boolean value) { needsManagerApproval = value; return this; }
        public Builder issuedAt(Instant value) { issuedAt = value; return this; }
        public Builder issuedBy(String value) { issuedBy = value; return this; }
        public Builder validUntil(Instant value) { validUntil = value; return this; }
        public Builder customerAcceptedBy(String value) { customerAcceptedBy = value; return this; }
        public Builder acceptanceMethod(AcceptanceMethod value) { acceptanceMethod = value; return this; }
        public Builder customerAcceptedAt(Instant value) { customerAcceptedAt = value; return this; }
        public Builder acceptanceRecordedBy(String value) { acceptanceRecordedBy = value; return this; }
        public Builder supervisorApprovedBy(String value) { supervisorApprovedBy = value; return this; }
        public Builder supervisorApprovedAt(Instant value) { supervisorApprovedAt = value; return this; }
        public Builder managerApprovedBy(String value) { managerApprovedBy = value; return this; }
        public Builder managerApprovedAt(Instant value) { managerApprovedAt = value; return this; }
        public Builder declinedReason(DeclineReason value) { declinedReason = value; return this; }
        public Builder declinedNote(String value) { declinedNote = value; return this; }
        public Builder closedAt(Instant value) { closedAt = value; return this; }
        public Builder closedBy(String value) { closedBy = value; return this; }
        public Builder version(int value) { version = value; return this; }

        public Quote build() {
            return new Quote(id, ticketId, revision, supersedes, state, removable, paymentTerms, currency, lines, total,
                    needsManagerApproval, issuedAt, issuedBy, validUntil, customerAcceptedBy, acceptanceMethod,
                    customerAcceptedAt, acceptanceRecordedBy, supervisorApprovedBy, supervisorApprovedAt,
                    managerApprovedBy, managerApprovedAt, declinedReason, declinedNote, closedAt, closedBy, version);
        }
    }
}
