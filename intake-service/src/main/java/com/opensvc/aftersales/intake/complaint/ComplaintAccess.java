package com.opensvc.aftersales.intake.complaint;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.opensvc.aftersales.intake.duty.DutyService;
import com.opensvc.aftersales.intake.duty.Handlers;
import com.opensvc.aftersales.intake.sla.Escalation;
import com.opensvc.aftersales.intake.ticket.TicketService;
import com.opensvc.aftersales.web.ForbiddenException;

import lombok.RequiredArgsConstructor;

/**
 * Who may act on a complaint's step and who gets its work: the step's roles (SEC-01), never a person the complaint
 * is about (INT-12), and — once the step has a main and a backup person — only those two (INT-22). Work and
 * reminders go to the backup while the main one is absent.
 */
@Component
@RequiredArgsConstructor
public class ComplaintAccess {
    private final ComplaintRepository complaints;
    private final DutyService duty;
    private final TicketService tickets;

    /** The roles that act in a step; once escalated twice, the general manager decides validity (INT-19). */
    public static Set<String> rolesFor(ComplaintStep step, Complaint complaint) {
        if (step == ComplaintStep.VALIDITY && Escalation.generalManagerDecides(complaint.escalationLevel())) {
            return Set.of("GENERAL_MANAGER");
        }
        return step.roles();
    }

    public void requireActor(Complaint complaint, ComplaintStep step, String actor, Collection<String> actorRoles) {
        if (rolesFor(step, complaint).stream().noneMatch(actorRoles::contains)) {
            throw new ForbiddenException("step " + step + " is for " + rolesFor(step, complaint));
        }
        ConflictOfInterest.requireNotSubject(complaint.subjects(), actor);
        Handlers handlers = complaint.handlers(step);
        if (handlers.assigned() && !handlers.includes(actor)) {
            throw new ForbiddenException("step " + step + " is assigned to " + handlers.main() + " (backup "
                    + handlers.backup() + ") (INT-22)");
        }
    }

    /**
     * Gives a step its main and backup person from the duty roster when it has none yet; a roster person the
     * complaint is about is left out (INT-12), the backup moving up.
     */
    public void assignFromRoster(Complaint complaint, ComplaintStep step, String actor, Instant now) {
        if (complaint.handlers(step).assigned()) {
            return;
        }
        String rosterStep = step == ComplaintStep.VALIDITY && Escalation.generalManagerDecides(complaint.escalationLevel())
                ? ComplaintStep.GM_APPROVAL.name() : step.name();
        Handlers roster = duty.roster(rosterStep);
        String main = ConflictOfInterest.conflicted(complaint.subjects(), roster.main()) ? null : roster.main();
        String backup = ConflictOfInterest.conflicted(complaint.subjects(), roster.backup()) ? null : roster.backup();
        if (main == null) {
            main = backup;
            backup = null;
        }
        if (main != null) {
            assign(complaint, step, new Handlers(main, backup), actor, now);
        }
    }

    /** INT-22: the step's main and backup person for this complaint, on the ticket's timeline. */
    void assign(Complaint complaint, ComplaintStep step, Handlers handlers, String actor, Instant now) {
        complaints.assign(complaint.id(), step, handlers, actor, now);
        tickets.note(complaint.ticketId(), "COMPLAINT_ASSIGNED", actor, now, step + ": main " + handlers.main()
                + (handlers.backup() == null ? "" : ", backup " + handlers.backup()));
    }

    /** The complaint with its current step's handler: the main person, or the backup while the main one is absent. */
    public Complaint withCurrentHandler(Complaint complaint) {
        ComplaintStep step = complaint.state().step();
        if (step == null) {
            return complaint;
        }
        Handlers handlers = complaint.handlers(step);
        return complaint.withHandlers(complaint.assignments(), handlers.current(duty.isAbsent(handlers.main(), duty.today())));
    }

    /** Whether this person's work queue holds the complaint's current step. */
    public boolean isWorkOf(Complaint complaint, String person, Collection<String> roles) {
        ComplaintStep step = complaint.state().step();
        if (step == null || ConflictOfInterest.conflicted(complaint.subjects(), person)) {
            return false;
        }
        Handlers handlers = complaint.handlers(step);
        if (!handlers.assigned()) {
            return rolesFor(step, complaint).stream().anyMatch(roles::contains);
        }
        return person.equals(handlers.current(duty.isAbsent(handlers.main(), duty.today())));
    }
}
