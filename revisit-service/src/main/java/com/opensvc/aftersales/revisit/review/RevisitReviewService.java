package com.opensvc.aftersales.revisit.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.revisit.conflict.ComplaintSubjects;
import com.opensvc.aftersales.revisit.happycall.Revisit;
import com.opensvc.aftersales.revisit.happycall.RevisitCorrections;
import com.opensvc.aftersales.revisit.happycall.RevisitLookup;
import com.opensvc.aftersales.revisit.happycall.RevisitLocks;
import com.opensvc.aftersales.revisit.happycall.RevisitState;
import com.opensvc.aftersales.web.ForbiddenException;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;
import com.opensvc.aftersales.web.StateConflictException;

import tools.jackson.databind.json.JsonMapper;

import lombok.RequiredArgsConstructor;

/**
 * INT-26 for revisits, the design of dispatch's work orders and intake's complaint forms: the agent who recorded a
 * finished revisit (COMPLETED, DISSATISFIED, UNREACHABLE) submits it; a supervisor locks it or returns it as faulty
 * (counted against that agent for the year of the review); a returned or unlocked revisit is corrected
 * ({@link RevisitCorrections}) and submitted again, saying what was corrected; unlocking is the service director's,
 * with a reason. A locked revisit cannot be changed: happycall asks {@link RevisitLocks} before a correction, and the
 * database refuses changes to a locked revisit's row (V9). Review publishes no event (nothing consumes it).
 */
@Service
@RequiredArgsConstructor
public class RevisitReviewService implements RevisitLocks {
    private static final Logger log = LoggerFactory.getLogger(RevisitReviewService.class);
    /** Only a finished revisit is reviewed. */
    static final Set<RevisitState> FINISHED = EnumSet.of(RevisitState.COMPLETED, RevisitState.DISSATISFIED,
            RevisitState.UNREACHABLE);

    private final ReviewRepository reviews;
    private final RevisitLookup revisits;
    private final ComplaintSubjects complaintSubjects;
    private final ReviewProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    public enum Outcome { LOCK, RETURN_FAULTY }

    /** One agent's faulty revisits in a year (the year-end assessment). */
    public record AgentFaults(int year, String agent, long faultyReturns) {
    }

    public RevisitReviewView view(UUID revisitId) {
        return view(revisits.get(revisitId));
    }

    /** The agent who recorded the finished revisit submits it; after a return or an unlock, with the correction. */
    @Transactional
    public RevisitReviewView submit(UUID revisitId, String correction, String actor) {
        Revisit revisit = revisits.get(revisitId);
        complaintSubjects.requireNotSubject(revisit.ticketId(), actor);
        RevisitReview review = reviews.reviewForUpdate(revisitId);
        revisit = revisits.get(revisitId); // as it is now that no correction can run alongside
        if (!FINISHED.contains(revisit.state())) {
            throw new StateConflictException("revisit", revisit.state().name(),
                    "be submitted for review: it is not finished (COMPLETED, DISSATISFIED or UNREACHABLE)");
        }
        requireRecordedBy(revisit, actor, "submit");
        save(review.submit(correction, json.writeValueAsString(revisit), actor, clock.instant()));
        return view(revisit);
    }

    /** The supervisor's review: lock the revisit, or return it as faulty with the reason (INT-12: not a subject). */
    @Transactional
    public RevisitReviewView review(UUID revisitId, Outcome outcome, String reason, String actor) {
        Revisit revisit = revisits.get(revisitId);
        complaintSubjects.requireNotSubject(revisit.ticketId(), actor);
        RevisitReview review = reviews.reviewForUpdate(revisitId);
        revisit = revisits.get(revisitId);
        Instant now = clock.instant();
        save(outcome == Outcome.LOCK
                ? review.lock(reason, json.writeValueAsString(revisit), actor, now)
                : review.returnFaulty(reason, revisit.agent(), properties.zone(), actor, now));
        return view(revisit);
    }

    /** Unlocking is the service director's, with a reason, and stays on record. */
    @Transactional
    public RevisitReviewView unlock(UUID revisitId, String reason, String actor) {
        Revisit revisit = revisits.get(revisitId);
        save(reviews.reviewForUpdate(revisitId).unlock(reason, actor, clock.instant()));
        return view(revisit);
    }

    /** The year-end assessment: faulty revisits per recording agent in a year (default: this year, company time). */
    public PageOf<AgentFaults> faultyCounts(Integer year, Paging paging) {
        int chosen = year != null ? year : LocalDate.now(clock.withZone(properties.zone())).getYear();
        return reviews.faultyCounts(chosen, paging);
    }

    @Override
    public void requireCorrectable(UUID revisitId) {
        RevisitReviewState state = reviews.reviewForUpdate(revisitId).state();
        if (state == RevisitReviewState.LOCKED) {
            throw new StateConflictException("revisit review", state.name(), "change the revisit: it is locked after "
                    + "review (INT-26); unlocking needs the service director and a reason");
        }
        if (!state.allowsCorrection()) {
            throw new StateConflictException("revisit review", state.name(), "correct the revisit: only a revisit "
                    + "returned as faulty or unlocked is corrected (INT-26)");
        }
    }

    private static void requireRecordedBy(Revisit revisit, String actor, String attempted) {
        if (revisit.agent() == null || !revisit.agent().equals(actor)) {
            throw new ForbiddenException("only the agent who recorded revisit " + revisit.id() + " may " + attempted
                    + " it (INT-26)");
        }
    }

    private void save(ReviewChange change) {
        reviews.save(change);
        RevisitReview review = change.review();
        log.info("Revisit {} review: {} (cycle {}) by {}", review.revisitId(), change.entry().action(), review.cycle(),
                review.changedBy());
    }

    private RevisitReviewView view(Revisit revisit) {
        RevisitReview review = reviews.review(revisit.id());
        List<ReviewRepository.Entry> history = reviews.history(revisit.id());
        ReviewRepository.Entry lock = review.locked() ? history.reversed().stream()
                .filter(e -> "LOCKED".equals(e.action())).findFirst().orElse(null) : null;
        int faulty = (int) history.stream().filter(e -> "RETURNED_FAULTY".equals(e.action())).count();
        return new RevisitReviewView(revisit.id(), revisit.ticketId(), revisit.agent(), revisit.state().name(),
                review.state(), review.locked(), review.cycle(), lock == null ? null : lock.actor(),
                lock == null ? null : lock.at(), review.changedBy(), review.changedAt(), faulty > 0, faulty,
                history.stream().map(e -> new RevisitReviewView.Step(e.id(), e.cycle(), e.action(), e.actor(), e.at(),
                        e.reason(), e.correction(), e.faultyAgent(), e.faultyYear(),
                        e.snapshot() == null ? null : json.readTree(e.snapshot()))).toList());
    }
}
