package com.opensvc.aftersales.intake.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.intake.ticket.TicketService;
import com.opensvc.aftersales.intake.ticket.TicketState;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;
import com.opensvc.aftersales.web.StateConflictException;

import lombok.RequiredArgsConstructor;

/**
 * Starts, meets, pauses and resumes a ticket's clocks, in the caller's transaction. Clocks pause while the ticket is
 * PENDING (approved, INT-14) or AWAITING_QUOTE and resume with the business time they had left (SLA-05). The desk's
 * two facts about a ticket's deadlines (first response, customer unreachable) come in here too.
 */
@Service
@RequiredArgsConstructor
public class SlaClocks {
    static final Set<TicketState> PAUSING = EnumSet.of(TicketState.PENDING, TicketState.AWAITING_QUOTE);

    private final SlaClockRepository clocks;
    private final Calendars calendars;
    private final SlaProperties properties;
    private final TicketService tickets;
    private final Clock clock;

    /** Starts a clock of {@code within} business time in the kind's calendar. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void start(UUID ticketId, ClockKind kind, Instant from, Duration within, String actor) {
        WorkingCalendar calendar = calendars.forKind(kind);
        startUntil(ticketId, kind, from, calendar.plus(from, within), calendar.name(), actor);
    }

    /** Starts a clock with a fixed deadline (a promised reply, "the same day"). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void startUntil(UUID ticketId, ClockKind kind, Instant from, Instant due, String calendarName, String actor) {
        TicketState state = tickets.stateOf(ticketId).orElse(TicketState.REGISTERED);
        SlaClock created;
        Instant now = clock.instant();
        if (PAUSING.contains(state)) {
            Duration left = calendars.named(calendarName).between(now.isAfter(from) ? now : from, due);
            created = SlaClock.paused(ticketId, kind, calendarName, from, now, left);
        } else {
            created = SlaClock.running(ticketId, kind, calendarName, from, due);
        }
        if (clocks.insert(created, created.dueAt() == null ? null : remindAt(from, created.dueAt()))) {
            tickets.note(ticketId, "SLA_CLOCK_STARTED", actor, now, kind + " due "
                    + (created.dueAt() == null ? "(paused)" : created.dueAt()) + " (" + calendarName + ")");
        }
    }

    /** The deadline is met (the step is done in time, or late: a breached clock stays breached). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void meet(UUID ticketId, ClockKind kind, String actor) {
        finish(ticketId, kind, SlaClock.State.MET, actor);
    }

    /** The clock no longer applies (the complaint was rejected, the ticket cancelled). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void stop(UUID ticketId, ClockKind kind, String actor) {
        finish(ticketId, kind, SlaClock.State.STOPPED, actor);
    }

    private void finish(UUID ticketId, ClockKind kind, SlaClock.State state, String actor) {
        Instant now = clock.instant();
        for (SlaClock open : clocks.openForUpdate(ticketId)) {
            if (open.kind() == kind) {
                clocks.finish(open.id(), state, now);
                tickets.note(ticketId, "SLA_CLOCK_" + state, actor, now,
                        kind + (open.dueAt() == null ? "" : " (due " + open.dueAt() + ")"));
            }
        }
    }

    /** Open deadlines by due time (running first, then paused), of one kind and due before a time if given. */
    public PageOf<SlaClock> open(ClockKind kind, Instant dueBefore, Paging paging) {
        return clocks.open(kind, dueBefore, paging);
    }

    /** Breached deadlines, newest first, of one escalation level if given. */
    public PageOf<SlaClock> breached(Integer level, Paging paging) {
        return clocks.breached(level, paging);
    }

    /** A person's reminders of the last week: addressed to them, or to one of their roles when nobody was named. */
    public List<SlaClockRepository.Reminder> remindersFor(String person, Collection<String> roles) {
        return clocks.remindersFor(person, List.copyOf(roles), clock.instant().minus(Duration.ofDays(7)));
    }

    /** A ticket's clocks, oldest first; 404 for an unknown ticket. */
    public List<SlaClock> ofTicket(UUID ticketId) {
        tickets.get(ticketId);
        return clocks.ofTicket(ticketId);
    }

    /** SLA-02: the desk has answered the customer for the first time. */
    @Transactional
    public List<SlaClock> firstResponse(UUID ticketId, String summary, String actor) {
        tickets.lock(ticketId);
        tickets.note(ticketId, "FIRST_RESPONSE", actor, clock.instant(), summary);
        meet(ticketId, ClockKind.FIRST_RESPONSE, actor);
        return clocks.ofTicket(ticketId);
    }

    /** SLA-03: the customer could not be reached in the first 24 h; the opinion is due within 48 h. */
    @Transactional
    public List<SlaClock> customerUnreachable(UUID ticketId, String actor) {
        tickets.lock(ticketId);
        if (!extendOpinionForUnreachableCustomer(ticketId, actor)) {
            throw new StateConflictException("opinion deadline", "NONE", "extend: the ticket has no open opinion deadline");
        }
        return clocks.ofTicket(ticketId);
    }

    /** SLA-03: the customer could not be reached in the first 24 h: the opinion is due 48 h after registration. */
    private boolean extendOpinionForUnreachableCustomer(UUID ticketId, String actor) {
        for (SlaClock open : clocks.openForUpdate(ticketId)) {
            if (open.kind() == ClockKind.OPINION) {
                WorkingCalendar calendar = calendars.named(open.calendar());
                Duration extra = properties.opinionUnreachableWithin().minus(properties.opinionWithin());
                Instant now = clock.instant();
                if (open.state() == SlaClock.State.PAUSED) {
                    clocks.pause(open.id(), open.pausedAt(), open.remaining().plus(extra));
                } else {
                    Instant due = calendar.plus(open.startedAt(), properties.opinionUnreachableWithin());
                    clocks.run(open.id(), due, remindAt(now, due));
                }
                tickets.note(ticketId, "SLA_CLOCK_EXTENDED", actor, now,
                        "OPINION: customer unreachable, " + properties.opinionUnreachableWithin().toHours() + " h (SLA-03)");
                return true;
            }
        }
        return false;
    }

    /** SLA-05: the ticket changed state; entering PENDING or AWAITING_QUOTE pauses its clocks, leaving them resumes. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void ticketStateChanged(UUID ticketId, TicketState state, Instant at) {
        boolean pause = PAUSING.contains(state);
        for (SlaClock open : clocks.openForUpdate(ticketId)) {
            WorkingCalendar calendar = calendars.named(open.calendar());
            if (pause && open.state() == SlaClock.State.RUNNING) {
                clocks.pause(open.id(), at, calendar.between(at, open.dueAt()));
                tickets.note(ticketId, "SLA_CLOCK_PAUSED", "system:sla", at,
                        open.kind() + " paused while " + state + " (SLA-05)");
            } else if (!pause && open.state() == SlaClock.State.PAUSED) {
                Instant due = calendar.plus(at, open.remaining());
                clocks.run(open.id(), due, remindAt(at, due));
                tickets.note(ticketId, "SLA_CLOCK_RESUMED", "system:sla", at,
                        open.kind() + " resumed, due " + due + " (SLA-05)");
            }
        }
    }

    /** "The same day": the end of the day of {@code from} in the company's zone. */
    public Instant endOfDay(Instant from) {
        WorkingCalendar calendar = calendars.named(SlaProperties.AROUND_THE_CLOCK);
        return LocalDate.ofInstant(from, calendar.zone()).plusDays(1).atStartOfDay(calendar.zone()).toInstant();
    }

    private Instant remindAt(Instant from, Instant due) {
        Instant remind = due.minus(properties.remindBefore());
        return remind.isBefore(from) ? from : remind;
    }
}
