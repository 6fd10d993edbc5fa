package com.opensvc.aftersales.revisit.agenda;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.revisit.agenda.Assignment.How;
import com.opensvc.aftersales.revisit.agenda.AssignmentRepository.ScheduledRevisit;
import com.opensvc.aftersales.revisit.conflict.ComplaintSubjects;
import com.opensvc.aftersales.web.NotFoundException;
import com.opensvc.aftersales.web.StateConflictException;

import lombok.RequiredArgsConstructor;

/**
 * RPT-03: who calls each scheduled revisit. A revisit is in the team's pool until an agent claims it (the first claim
 * wins) or a supervisor assigns it; INT-12: a person the ticket's complaint names can neither claim nor be assigned.
 */
@Service
@RequiredArgsConstructor
public class Assignments {
    private static final Logger log = LoggerFactory.getLogger(Assignments.class);
    private static final String SCHEDULED = "SCHEDULED";

    private final AssignmentRepository assignments;
    private final ComplaintSubjects complaintSubjects;
    private final Clock clock;

    public Optional<Assignment> find(UUID revisitId) {
        return assignments.find(revisitId);
    }

    /**
     * The agent takes a scheduled revisit from the pool. Claiming one they already hold changes nothing.
     *
     * @throws StateConflictException (409) naming the holder when another agent holds it, or when it is no longer
     *                                scheduled
     */
    @Transactional
    public Assignment claim(UUID revisitId, String agent) {
        ScheduledRevisit revisit = requireScheduled(revisitId, "be claimed");
        complaintSubjects.requireNotSubject(revisit.ticketId(), agent);
        Instant now = clock.instant();
        Assignment claimed = new Assignment(revisitId, agent.strip(), How.CLAIMED, agent.strip(), now);
        if (assignments.insertIfAbsent(claimed)) {
            assignments.history(revisitId, How.CLAIMED.name(), claimed.agent(), agent, now);
            log.info("Revisit {} of ticket {} claimed by {}", revisitId, revisit.ticketId(), claimed.agent());
            return claimed;
        }
        // the holder committed first (a release in between leaves nothing to name: claim again)
        Assignment holder = assignments.find(revisitId).orElseThrow(() -> new StateConflictException("revisit",
                "RELEASED", "be claimed while it is being released; try again"));
        if (holder.heldBy(agent)) {
            return holder;
        }
        throw new StateConflictException("revisit", holder.how().name(), "be claimed by " + agent + ": "
                + holder.agent() + " holds it since " + holder.assignedAt());
    }

    /** A supervisor gives a scheduled revisit to an agent, whoever held it before (reassignment). */
    @Transactional
    public Assignment assign(UUID revisitId, String agent, String supervisor) {
        ScheduledRevisit revisit = requireScheduled(revisitId, "be assigned");
        complaintSubjects.requireNotSubject(revisit.ticketId(), agent);
        Instant now = clock.instant();
        Assignment assigned = new Assignment(revisitId, agent.strip(), How.ASSIGNED, supervisor, now);
        assignments.upsert(assigned);
        assignments.history(revisitId, How.ASSIGNED.name(), assigned.agent(), supervisor, now);
        log.info("Revisit {} of ticket {} assigned to {} by {}", revisitId, revisit.ticketId(), assigned.agent(),
                supervisor);
        return assigned;
    }

    /** A supervisor puts the revisit back into the pool; releasing one in the pool changes nothing. */
    @Transactional
    public void release(UUID revisitId, String supervisor) {
        if (assignments.revisitForShare(revisitId).isEmpty()) {
            throw new NotFoundException("no revisit " + revisitId);
        }
        assignments.delete(revisitId).ifPresent(agent -> {
            assignments.history(revisitId, "RELEASED", agent, supervisor, clock.instant());
            log.info("Revisit {} released from {} by {}", revisitId, agent, supervisor);
        });
    }

    private ScheduledRevisit requireScheduled(UUID revisitId, String attempted) {
        ScheduledRevisit revisit = assignments.revisitForShare(revisitId)
                .orElseThrow(() -> new NotFoundException("no revisit " + revisitId));
        if (!SCHEDULED.equals(revisit.state())) {
            throw new StateConflictException("revisit", revisit.state(), attempted);
        }
        return revisit;
    }
}
