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

/**
 * Which deadline starts and ends when (SLA-01 … SLA-03): on registration, on each complaint step, and on the
 * ticket's state changes (pause and resume, SLA-05). Runs in the transaction of the change that caused it.
 */
@Component
public class SlaLifecycle {
    private final SlaClocks clocks;
    private final Calendars calendars;
    private final SlaProperties properties;

    public SlaLifecycle(SlaClocks clocks, Calendars calendars, SlaProperties properties) {
        this.clocks = clocks;
        this.calendars = calendars;
        this.properties = properties;
    }

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
     * SLA-03: a complaint step is done ({@code step}) and the complaint is now in {@code nextState}: the step's
     * deadline is met and the next step's starts. Names are the complaint process's steps and states.
     */
    public void complaintStepDone(UUID ticketId, String step, String nextState, Instant at, String actor) {
        switch (step) {
            case "OPINION" -> clocks.meet(ticketId, ClockKind.OPINION, actor);
            case "REVIEW" -> clocks.meet(ticketId, ClockKind.REVIEW, actor);
            case "GM_APPROVAL" -> clocks.meet(ticketId, ClockKind.GM_REPORT, actor);
            case "EXECUTION" -> clocks.meet(ticketId, ClockKind.EXECUTION, actor);
            case "FORM_RETURN" -> clocks.meet(ticketId, ClockKind.FORM_RETURN, actor);
            default -> {
                // validity and confirmation steps have no deadline of their own in SLA-03
            }
        }
        switch (nextState) {
            case "VALIDITY_CHECK" -> {
                if ("REOPENED".equals(step)) {
                    clocks.start(ticketId, ClockKind.OPINION, at, properties.opinionWithin(), actor);
                }
            }
            case "REVIEW_PENDING" -> clocks.start(ticketId, ClockKind.REVIEW, at, properties.reviewWithin(), actor);
            case "GM_APPROVAL_PENDING" -> clocks.start(ticketId, ClockKind.GM_REPORT, at, properties.gmReportWithin(), actor);
            case "EXECUTION_PENDING" -> clocks.start(ticketId, ClockKind.EXECUTION, at, properties.executionWithin(), actor);
            case "FORM_RETURN_PENDING" -> clocks.startUntil(ticketId, ClockKind.FORM_RETURN, at, clocks.endOfDay(at),
                    SlaProperties.AROUND_THE_CLOCK, actor);
            case "REJECTED", "DONE" -> {
                for (ClockKind kind : new ClockKind[]{ClockKind.OPINION, ClockKind.REVIEW, ClockKind.GM_REPORT,
                        ClockKind.EXECUTION, ClockKind.FORM_RETURN}) {
                    clocks.stop(ticketId, kind, actor);
                }
            }
            default -> {
                // a step sent back (plan or final approval returned) keeps the clocks that run
            }
        }
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
