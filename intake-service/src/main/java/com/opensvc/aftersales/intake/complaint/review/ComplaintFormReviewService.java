package com.opensvc.aftersales.intake.complaint.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.intake.IntakeProperties;
import com.opensvc.aftersales.intake.complaint.Complaint;
import com.opensvc.aftersales.intake.complaint.ComplaintLocks;
import com.opensvc.aftersales.intake.complaint.ComplaintState;
import com.opensvc.aftersales.intake.complaint.ComplaintStep;
import com.opensvc.aftersales.intake.complaint.Complaints;
import com.opensvc.aftersales.intake.complaint.ConflictOfInterest;
import com.opensvc.aftersales.intake.ticket.TicketService;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.StateConflictException;

import tools.jackson.databind.json.JsonMapper;

import lombok.RequiredArgsConstructor;

/**
 * INT-26 for complaint forms: the finished form (complaint DONE) is submitted, a supervisor locks it or returns it
 * as faulty against the person responsible for the fault (counted per person and year), a returned or unlocked form
 * is corrected and submitted again, and unlocking is the service director's, with a reason, on record.
 */
@Service
@RequiredArgsConstructor
public class ComplaintFormReviewService implements ComplaintLocks {
    private final Complaints complaints;
    private final FormReviewRepository reviews;
    private final TicketService tickets;
    private final IntakeProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    public enum Outcome { LOCK, RETURN_FAULTY }

    /** INT-26: the faulty forms of a year, per person. */
    public record FaultyCounts(int year, List<FormReviewRepository.FaultyCount> persons) {
    }

    public ComplaintForm form(UUID ticketId) {
        Complaint complaint = complaints.ofTicket(ticketId);
        FormReview review = reviews.review(complaint.id(), ticketId);
        List<FormReviewRepository.Entry> history = reviews.history(complaint.id());
        FormReviewRepository.Entry lock = review.locked() ? history.reversed().stream()
                .filter(e -> "LOCKED".equals(e.action())).findFirst().orElse(null) : null;
        int faulty = (int) history.stream().filter(e -> "RETURNED_FAULTY".equals(e.action())).count();
        return new ComplaintForm(ticketId, complaint.id(), complaint.state().name(), review.state(), review.locked(),
                review.cycle(), lock == null ? null : lock.actor(), lock == null ? null : lock.at(), review.changedBy(),
                review.changedAt(), faulty > 0, faulty, history.stream().map(e -> new ComplaintForm.Review(e.id(),
                        e.cycle(), e.action(), e.actor(), e.at(), e.reason(), e.correction(), e.faultyPerson(),
                        e.faultyStep(), e.faultyYear(), e.snapshot() == null ? null : json.readTree(e.snapshot())))
                        .toList());
    }

    /** The desk hands the finished form in for review; after a faulty return or an unlock it names the correction. */
    @Transactional
    public ComplaintForm submit(UUID ticketId, String correction, String actor) {
        Complaint complaint = complaints.lockOfTicket(ticketId);
        ConflictOfInterest.requireNotSubject(complaint.subjects(), actor);
        if (complaint.state() != ComplaintState.DONE) {
            throw new StateConflictException("complaint", complaint.state().name(),
                    "submit its form for review: the form is not finished (DONE)");
        }
        save(reviews.review(complaint.id(), ticketId).submit(correction, actor, clock.instant()));
        return form(ticketId);
    }

    /** The supervisor's review: lock the form, or return it as faulty against the person responsible for the fault. */
    @Transactional
    public ComplaintForm review(UUID ticketId, Outcome outcome, String reason, String faultyPerson,
                                ComplaintStep faultyStep, String actor) {
        Complaint complaint = complaints.lockOfTicket(ticketId);
        ConflictOfInterest.requireNotSubject(complaint.subjects(), actor);
        if (outcome == Outcome.RETURN_FAULTY) {
            requireFaultFields(complaint, reason, faultyPerson, faultyStep);
        }
        FormReview review = reviews.review(complaint.id(), ticketId);
        Instant now = clock.instant();
        save(outcome == Outcome.LOCK ? review.lock(reason, snapshot(complaint), actor, now)
                : review.returnFaulty(reason, faultyPerson, faultyStep, properties.zone(), actor, now));
        return form(ticketId);
    }

    /** Unlocking is the service director's (or an administrator's), with a reason, and stays on record. */
    @Transactional
    public ComplaintForm unlock(UUID ticketId, String reason, String actor) {
        Complaint complaint = complaints.lockOfTicket(ticketId);
        save(reviews.review(complaint.id(), ticketId).unlock(reason, actor, clock.instant()));
        return form(ticketId);
    }

    /** The year-end assessment: faulty complaint forms per person in a year (default: this year, company time). */
    public FaultyCounts faultyCounts(Integer year) {
        int chosen = year != null ? year : LocalDate.now(clock.withZone(properties.zone())).getYear();
        return new FaultyCounts(chosen, reviews.faultyCounts(chosen));
    }

    @Override
    public void requireUnlocked(Complaint complaint, String attempted) {
        if (reviews.review(complaint.id(), complaint.ticketId()).locked()) {
            throw new StateConflictException("complaint", FormReviewState.LOCKED.name(), attempted
                    + ": its form is locked (INT-26); unlocking needs the service director and a reason");
        }
    }

    @Override
    public void releaseForReopen(Complaint complaint, String actor, Instant at) {
        reviews.review(complaint.id(), complaint.ticketId()).reopen(actor, at).ifPresent(this::save);
    }

    /** The review step and its history row, and its line on the ticket's timeline. */
    private void save(FormReviewChange change) {
        reviews.save(change);
        FormReview review = change.review();
        tickets.note(review.ticketId(), change.timelineAction(), review.changedBy(), review.changedAt(), change.detail());
    }

    private void requireFaultFields(Complaint complaint, String reason, String faultyPerson, ComplaintStep faultyStep) {
        List<InvalidFieldException.FieldError> errors = new ArrayList<>();
        if (blank(reason)) {
            errors.add(new InvalidFieldException.FieldError("reason", "a faulty form is returned with the reason"));
        }
        if (faultyStep == null) {
            errors.add(new InvalidFieldException.FieldError("faultyStep", "names the step whose handling was faulty"));
        }
        if (blank(faultyPerson)) {
            errors.add(new InvalidFieldException.FieldError("faultyPerson", "names the person responsible for the fault"));
        } else if (faultyStep != null) {
            List<String> acted = reviews.actorsOf(complaint.ticketId(), faultyStep);
            if (acted.stream().noneMatch(a -> a.equalsIgnoreCase(faultyPerson.trim()))) {
                errors.add(new InvalidFieldException.FieldError("faultyPerson", faultyPerson.trim()
                        + " did not handle " + faultyStep + " on this complaint" + (acted.isEmpty() ? "" : "; " + acted + " did")));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
    }

    /** The form as locked: the complaint's decisions and its penalties. */
    private String snapshot(Complaint complaint) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("complaint", complaint);
        form.put("penalties", reviews.penalties(complaint.id()));
        return json.writeValueAsString(form);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
