package com.opensvc.aftersales.revisit.happycall;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.opensvc.aftersales.revisit.happycall.RevisitEvent.NotRequiredReason;
import com.opensvc.aftersales.revisit.happycall.RevisitEvent.RevisitNotRequired;

/**
 * REV-01: the one decision for a completed work order — a happy call or none — with the inputs it was taken from,
 * so an auditor can recompute it: the rate in force, the work order's sampling value ({@link HappyCallSampling#value})
 * and whether it repeats an earlier order (DSP-01). A technician the sample missed in a month is covered later by the
 * month-end top-up (its own audit record); this decision is never changed.
 *
 * @param month    the calendar month of the completion in the company's time zone (monthly coverage)
 * @param decision SCHEDULED or NOT_REQUIRED
 * @param reason   the selection (REPEAT_REPAIR, SAMPLED; TECHNICIAN_MONTHLY_COVERAGE on decisions taken before the
 *                 month-end top-up replaced the first-of-month rule) or NOT_SAMPLED
 * @param revisitId the happy call scheduled, or null
 */
public record RevisitDecision(UUID workOrderId, UUID ticketId, String technicianId, Instant completedAt,
                              YearMonth month, UUID previousWorkOrderId, double samplingRate, double hashValue,
                              Decision decision, String reason, UUID revisitId, String actor, Instant decidedAt) {

    public enum Decision {
        SCHEDULED, NOT_REQUIRED
    }

    /** The month whose coverage a work order completed at {@code completedAt} counts for. */
    static YearMonth monthOf(Instant completedAt, ZoneId zone) {
        return YearMonth.from(completedAt.atZone(zone));
    }

    /**
     * REV-01's selection at completion, first that applies: a repeat repair, then the sample; null when neither does
     * (not required — the month-end top-up may still call one of the technician's orders).
     */
    static Selection selectionFor(boolean repeatRepair, boolean sampled) {
        if (repeatRepair) {
            return Selection.REPEAT_REPAIR;
        }
        return sampled ? Selection.SAMPLED : null;
    }

    /**
     * The decision for a completed repair and what it publishes: {@code RevisitScheduled} with a happy call due 7 days
     * after completion, or {@code RevisitNotRequired}.
     */
    static DecisionChange decide(RepairClosed repair, double samplingRate, double hashValue, YearMonth month,
                                 String actor, Instant now) {
        Selection selection = selectionFor(repair.previousWorkOrderId() != null, hashValue < samplingRate);
        if (selection == null) {
            RevisitDecision decision = new RevisitDecision(repair.workOrderId(), repair.ticketId(),
                    repair.technicianId(), repair.occurredAt(), month, repair.previousWorkOrderId(), samplingRate,
                    hashValue, Decision.NOT_REQUIRED, NotRequiredReason.NOT_SAMPLED.name(), null, actor, now);
            return new DecisionChange(decision, null, now, List.of(new RevisitNotRequired(repair.ticketId(),
                    repair.workOrderId(), repair.technicianId(), NotRequiredReason.NOT_SAMPLED, samplingRate, actor, now)));
        }
        RevisitChange scheduled = Revisit.scheduleHappyCall(repair.ticketId(), repair.workOrderId(),
                repair.technicianId(), selection, repair.occurredAt(), actor, now);
        RevisitDecision decision = new RevisitDecision(repair.workOrderId(), repair.ticketId(), repair.technicianId(),
                repair.occurredAt(), month, repair.previousWorkOrderId(), samplingRate, hashValue, Decision.SCHEDULED,
                selection.name(), scheduled.revisit().id(), actor, now);
        return new DecisionChange(decision, scheduled.revisit(), now, scheduled.events());
    }

    /** What a decision caused: the decision, the happy call it scheduled (or null), and the one event it publishes. */
    record DecisionChange(RevisitDecision decision, Revisit scheduled, Instant at, List<RevisitEvent> events) {
    }
}
