package com.opensvc.aftersales.intake.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.opensvc.aftersales.intake.ticket.TicketKind;
import com.opensvc.aftersales.intake.ticket.TicketOpened;
import com.opensvc.aftersales.intake.ticket.TicketState;
import com.opensvc.aftersales.intake.ticket.TicketStateChanged;

import lombok.RequiredArgsConstructor;

/**
 * Which deadline starts and ends when (SLA-01 … SLA-03): on registration, on each complaint step, and on the
 * ticket's state changes (pause and resume, SLA-05). Runs in the transaction of the change that caused it.
 */
@Component
@RequiredArgsConstructor
public class SlaLifecycle {
    private final SlaClocks clocks;
    private final Calendars calendars;
    private final SlaProperties properties;

    @EventListener
    public void onTicketOpened(TicketOpened opened) {
        UUID id = opened.ticketId();
        if (opened.kind() == TicketKind.OUTREACH) {
            return;
        }
        // SLA-02: 30 working minutes for what arrives in working hours, 12 h for messages left outside them
        WorkingCalendar hours = calendars.workingHours();
        boolean inHours = hours.isWorking(opened.registeredAt());
        clocks.startUntil(id, ClockKind.FIRST_RESPONSE, opened.registeredAt(), firstResponseDue(opened.registeredAt(),
                hours, calendars.named(SlaProperties.AROUND_THE_CLOCK), properties.firstResponseWithin(),
                properties.firstResponseOutsideHoursWithin()), inHours ? hours.name() : SlaProperties.AROUND_THE_CLOCK,
                opened.actor());
        if (opened.kind() == TicketKind.COMPLAINT) {
            // SLA-01: registered and reported to the customer manager within 1 h of first contact; it is reported
            // now, so the clock is met now, or breached by the next evaluation if the hour has already passed
            clocks.start(id, ClockKind.REGISTRATION, opened.firstContactAt(), properties.registrationWithin(), opened.actor());
            WorkingCalendar calendar = calendars.forKind(ClockKind.REGISTRATION);
            if (!opened.registeredAt().isAfter(calendar.plus(opened.firstContactAt(), properties.registrationWithin()))) {
                clocks.meet(id, ClockKind.REGISTRATION, opened.actor());
            }
            clocks.start(id, ClockKind.OPINION, opened.registeredAt(), properties.opinionWithin(), opened.actor());
        }
    }

    /** SLA-02 as a rule: {@code within} working time from a message in working hours, else {@code outside} hours. */
    static Instant firstResponseDue(Instant registeredAt, WorkingCalendar hours, WorkingCalendar always, Duration within,
                                    Duration outside) {
        return hours.isWorking(registeredAt) ? hours.plus(registeredAt, within) : always.plus(registeredAt, outside);
    }

    @EventListener
    public void onTicketStateChanged(TicketStateChanged changed) {
        clocks.ticketStateChanged(changed.ticketId(), changed.state(), changed.at());
        if (changed.state().isTerminal() || changed.state() == TicketState.REJECTED) {
            for (ClockKind kind : ClockKind.values()) {
                clocks.stop(changed.ticketId(), kind, "system:sla");
            }
        }
    }

    /**
     * SLA-03: a complaint step is done: its deadline ({@code met}, null for a step without one) is met, and the
     * deadline of the step the complaint moved to ({@code next}, null when none starts) starts at {@code at}. A step
     * sent back (plan or final approval returned) keeps the clocks that run.
     */
    public void complaintStepDone(UUID ticketId, ClockKind met, ClockKind next, Instant at, String actor) {
        if (met != null) {
            clocks.meet(ticketId, met, actor);
        }
        if (next == ClockKind.FORM_RETURN) {
            clocks.startUntil(ticketId, next, at, clocks.endOfDay(at), SlaProperties.AROUND_THE_CLOCK, actor);
        } else if (next != null) {
            clocks.start(ticketId, next, at, complaintStepWithin(next), actor);
        }
    }

    /** The complaint is rejected or done: its steps' deadlines no longer apply. */
    public void complaintEnded(UUID ticketId, String actor) {
        for (ClockKind kind : ClockKind.COMPLAINT_STEPS) {
            clocks.stop(ticketId, kind, actor);
        }
    }

    private Duration complaintStepWithin(ClockKind kind) {
        return switch (kind) {
            case OPINION -> properties.opinionWithin();
            case REVIEW -> properties.reviewWithin();
            case GM_REPORT -> properties.gmReportWithin();
            case EXECUTION -> properties.executionWithin();
            default -> throw new IllegalArgumentException(kind + " is not a complaint step's deadline");
        };
    }

    /** INT-25: a reply promised (or re-promised) by {@code replyBy} is tracked like a deadline. */
    public void replyPromised(UUID ticketId, Instant at, Instant replyBy, String actor) {
        clocks.stop(ticketId, ClockKind.PROMISED_REPLY, actor);
        clocks.startUntil(ticketId, ClockKind.PROMISED_REPLY, at, replyBy, SlaProperties.AROUND_THE_CLOCK, actor);
    }

    public void replyGiven(UUID ticketId, String actor) {
        clocks.meet(ticketId, ClockKind.PROMISED_REPLY, actor);
    }
}
