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

/**
 * INT-26 for complaint forms: the finished form (complaint DONE) is submitted, a supervisor locks it or returns it
 * as faulty against the person responsible for the fault (counted per person and year), a returned or unlocked form
 * is corrected and submitted again, and unlocking is the service director's, with a reason, on record.
 */
@Service
public class ComplaintFormReviewService implements ComplaintLocks {
    private final Complaints complaints;
    private final FormReviewRepository reviews;
    private final TicketService tickets;
    private final IntakeProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    public ComplaintFormReviewService(Complaints complaints, FormReviewRepository reviews, TicketService tickets,
                                      IntakeProperties properties, JsonMapper json, Clock clock) {
        this.complaints = complaints;
        this.reviews = reviews;
        this.tickets = tickets;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    public enum Outcome { LOCK, RETURN_FAULTY }

    public ComplaintForm form(UUID ticketId) {
        Complaint complaint = complaints.ofTicket(ticketId);
        FormReviewRepository.Status status = reviews.status(complaint.id());
        List<FormReviewRepository.Entry> history = reviews.history(complaint.id());
        FormReviewRepository.Entry lock = status.locked() ? history.reversed().stream()
                .filter(e -> "LOCKED".equals(e.action())).findFirst().orElse(null) : null;
        int faulty = (int) history.stream().filter(e -> "RETURNED_FAULTY".equals(e.action())).count();
        return new ComplaintForm(ticketId, complaint.id(), complaint.state().name(), status.state(), status.locked(),
                status.cycle(), lock == null ? null : lock.actor(), lock == null ? null : lock.at(), status.changedBy(),
                status.changedAt(), faulty > 0, faulty, history.stream().map(e -> new ComplaintForm.Review(e.id(),
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
        FormReviewRepository.Status status = reviews.status(complaint.id());
        status.state().requireSubmittable();
        if (status.state().submissionNeedsCorrection() && blank(correction)) {
            throw new InvalidFieldException("correction", "a form that was " + status.state()
                    + " is submitted again with what was corrected");
        }
        int cycle = status.state() == FormReviewState.NOT_SUBMITTED ? status.cycle() + 1 : status.cycle();
        Instant now = clock.instant();
        reviews.append(complaint.id(), ticketId, cycle, "SUBMITTED", actor, now, null, trimmed(correction), null, null,
                null, null);
        reviews.setStatus(complaint.id(), FormReviewState.SUBMITTED, cycle, actor, now);
        tickets.note(ticketId, "FORM_REVIEW_SUBMITTED", actor, now,
                "complaint form submitted for review (cycle " + cycle + ")"
                        + (blank(correction) ? "" : "; corrected: " + correction.trim()));
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
        FormReviewRepository.Status status = reviews.status(complaint.id());
        status.state().requireReviewable();
        Instant now = clock.instant();
        if (outcome == Outcome.LOCK) {
            reviews.append(complaint.id(), ticketId, status.cycle(), "LOCKED", actor, now, trimmed(reason), null, null,
                    null, null, snapshot(complaint));
            reviews.setStatus(complaint.id(), FormReviewState.LOCKED, status.cycle(), actor, now);
            tickets.note(ticketId, "FORM_LOCKED", actor, now, "complaint form reviewed and locked"
                    + (blank(reason) ? "" : ": " + reason.trim()));
        } else {
            int year = LocalDate.ofInstant(now, properties.zone()).getYear();
            reviews.append(complaint.id(), ticketId, status.cycle(), "RETURNED_FAULTY", actor, now, reason.trim(), null,
                    faultyPerson.trim(), faultyStep, year, null);
            reviews.setStatus(complaint.id(), FormReviewState.RETURNED_FAULTY, status.cycle(), actor, now);
            tickets.note(ticketId, "FORM_RETURNED_FAULTY", actor, now, "complaint form returned as faulty: "
                    + reason.trim() + "; fault of " + faultyPerson.trim() + " at " + faultyStep + ", counted for " + year);
        }
        return form(ticketId);
    }

    /** Unlocking is the service director's (or an administrator's), with a reason, and stays on record. */
    @Transactional
    public ComplaintForm unlock(UUID ticketId, String reason, String actor) {
        Complaint complaint = complaints.lockOfTicket(ticketId);
        FormReviewRepository.Status status = reviews.status(complaint.id());
        status.state().requireUnlockable();
        Instant now = clock.instant();
        reviews.append(complaint.id(), ticketId, status.cycle(), "UNLOCKED", actor, now, reason.trim(), null, null,
                null, null, null);
        reviews.setStatus(complaint.id(), FormReviewState.UNLOCKED, status.cycle(), actor, now);
        tickets.note(ticketId, "FORM_UNLOCKED", actor, now, "complaint form unlocked: " + reason.trim());
        return form(ticketId);
    }

    public List<FormReviewRepository.FaultyCount> faultyCounts(int year) {
        return reviews.faultyCounts(year);
    }

    @Override
    public void requireUnlocked(Complaint complaint, String attempted) {
        if (reviews.status(complaint.id()).locked()) {
            throw new StateConflictException("complaint", FormReviewState.LOCKED.name(), attempted
                    + ": its form is locked (INT-26); unlocking needs the service director and a reason");
        }
    }

    @Override
    public void releaseForReopen(Complaint complaint, String actor, Instant at) {
        FormReviewRepository.Status status = reviews.status(complaint.id());
        if (status.state() == FormReviewState.NOT_SUBMITTED) {
            return;
        }
        String reason = "customer dissatisfied (INT-19): the complaint is handled again and its form reviewed anew"
                + (status.locked() ? "; the form as locked stays in this history" : "");
        reviews.append(complaint.id(), complaint.ticketId(), status.cycle(), "REOPENED", actor, at, reason, null, null,
                null, null, null);
        reviews.setStatus(complaint.id(), FormReviewState.NOT_SUBMITTED, status.cycle(), actor, at);
        tickets.note(complaint.ticketId(), "FORM_REVIEW_REOPENED", actor, at, reason);
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

    private static String trimmed(String text) {
        return blank(text) ? null : text.trim();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
