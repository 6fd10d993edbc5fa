package com.opensvc.aftersales.dispatch.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.dispatch.workorder.WorkOrder;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderGuards;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderService;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderState;
import com.opensvc.aftersales.web.StateConflictException;

import tools.jackson.databind.json.JsonMapper;

import lombok.RequiredArgsConstructor;

/**
 * INT-26 for work orders, the design of intake's complaint forms: the finished (COMPLETED) order is submitted by its
 * technician or a supervisor; a supervisor locks it or returns it as faulty (counted against its technician for the
 * year); a returned or unlocked order is corrected and submitted again; unlocking is the service director's, with a
 * reason. A locked order cannot be changed: the work order asks before every save ({@link WorkOrderGuards.Locks}) and
 * the database refuses an update or delete of it (V16).
 */
@Service
@RequiredArgsConstructor
public class WorkOrderReviewService implements WorkOrderGuards.Locks {
    private final ReviewRepository reviews;
    private final WorkOrderService workOrders;
    private final ReviewProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    public enum Outcome { LOCK, RETURN_FAULTY }

    public record FaultyCount(String technicianId, long faultyReturns) {
    }

    /** INT-26: the faulty work orders of a year, per technician. */
    public record FaultyCounts(int year, List<FaultyCount> technicians) {
    }

    /** A technician reads the review of their own orders only (SEC-02). */
    public WorkOrderReviewView view(UUID workOrderId, String login, boolean onlyTechnician) {
        WorkOrder workOrder = workOrders.get(workOrderId);
        if (onlyTechnician) {
            workOrder.requireAssignedTo(login);
        }
        return view(workOrder);
    }

    /** The technician who did the order (SEC-02) or a supervisor submits it once it is COMPLETED. */
    @Transactional
    public WorkOrderReviewView submit(UUID workOrderId, String correction, String actor, boolean supervisor) {
        WorkOrder workOrder = workOrders.get(workOrderId);
        if (!supervisor) {
            workOrder.requireAssignedTo(actor);
        }
        WorkOrderReview review = reviews.reviewForUpdate(workOrderId);
        if (workOrder.state() != WorkOrderState.COMPLETED) {
            throw new StateConflictException("work order", workOrder.state().name(),
                    "be submitted for review: it is not finished (COMPLETED)");
        }
        save(review.submit(correction, actor, clock.instant()));
        return view(workOrderId, actor, false);
    }

    /** The supervisor's review: lock the order, or return it as faulty with the reasons. */
    @Transactional
    public WorkOrderReviewView review(UUID workOrderId, Outcome outcome, List<String> reasons, String actor) {
        WorkOrder workOrder = workOrders.get(workOrderId);
        WorkOrderReview review = reviews.reviewForUpdate(workOrderId);
        Instant now = clock.instant();
        save(outcome == Outcome.LOCK
                ? review.lock(reasons.isEmpty() ? null : String.join("; ", reasons), json.writeValueAsString(workOrder),
                        actor, now)
                : review.returnFaulty(reasons, workOrder.technician(), properties.zone(), actor, now));
        return view(workOrder);
    }

    /** Unlocking is the service director's, with a reason, and stays on record. */
    @Transactional
    public WorkOrderReviewView unlock(UUID workOrderId, String reason, String actor) {
        WorkOrder workOrder = workOrders.get(workOrderId);
        save(reviews.reviewForUpdate(workOrderId).unlock(reason, actor, clock.instant()));
        return view(workOrder);
    }

    /** The year-end assessment: faulty work orders per technician in a year (default: this year, company time). */
    public FaultyCounts faultyCounts(Integer year) {
        int chosen = year != null ? year : LocalDate.now(clock.withZone(properties.zone())).getYear();
        return new FaultyCounts(chosen, reviews.faultyCounts(chosen));
    }

    @Override
    public void requireUnlocked(UUID workOrderId, String attempted) {
        if (reviews.review(workOrderId).locked()) {
            throw new StateConflictException("work order", ReviewState.LOCKED.name(), attempted
                    + ": it is locked after review (INT-26); unlocking needs the service director and a reason");
        }
    }

    /** The review step, its history row, and its line on the work order's history (SEC-03). */
    private void save(ReviewChange change) {
        reviews.save(change);
        WorkOrderReview review = change.review();
        workOrders.note(review.workOrderId(), review.changedAt(), review.changedBy(), change.timelineAction());
    }

    private WorkOrderReviewView view(WorkOrder workOrder) {
        WorkOrderReview review = reviews.review(workOrder.id());
        List<ReviewRepository.Entry> history = reviews.history(workOrder.id());
        ReviewRepository.Entry lock = review.locked() ? history.reversed().stream()
                .filter(e -> "LOCKED".equals(e.action())).findFirst().orElse(null) : null;
        int faulty = (int) history.stream().filter(e -> "RETURNED_FAULTY".equals(e.action())).count();
        return new WorkOrderReviewView(workOrder.id(), workOrder.ticketId(), workOrder.technician(),
                workOrder.state().name(), review.state(), review.locked(), review.cycle(),
                lock == null ? null : lock.actor(), lock == null ? null : lock.at(), review.changedBy(),
                review.changedAt(), faulty > 0, faulty, history.stream().map(e -> new WorkOrderReviewView.Review(
                        e.id(), e.cycle(), e.action(), e.actor(), e.at(), e.reasons(), e.correction(),
                        e.faultyTechnician(), e.faultyYear(), e.snapshot() == null ? null : json.readTree(e.snapshot())))
                        .toList());
    }
}
