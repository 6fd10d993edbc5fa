package com.opensvc.aftersales.dispatch.appointment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.opensvc.aftersales.dispatch.workorder.WorkOrder;
import com.opensvc.aftersales.web.InvalidFieldException;

/**
 * DSP-04: one version of a work order's appointment window; versions are never changed, a change is the next
 * version ({@code seq}). A version belongs to the technician who booked it: when the order's technician changes it
 * no longer counts as current ({@link #currentFor}).
 *
 * @param confirmedWith who at the customer agreed (personal data: never logged nor published, SEC-04)
 * @param reason        why it changed (null for the first booking)
 */
public record Appointment(UUID id, UUID workOrderId, UUID ticketId, int seq, String technician, Instant windowStart,
                          Instant windowEnd, RequestedBy requestedBy, String reason, String confirmedWith, String note,
                          boolean rescheduled, String actor, Instant recordedAt) {

    /** What booking or changing a window caused: the new version and its event. */
    record Change(Appointment version, VisitScheduled event) {
    }

    /** A window asked for, checked against the clock and the configured limits (400 naming the field). */
    record Window(Instant start, Instant end) {
        Window check(Instant now, AppointmentProperties limits) {
            List<InvalidFieldException.FieldError> errors = new ArrayList<>();
            if (start.isBefore(now)) {
                errors.add(new InvalidFieldException.FieldError("windowStart", "must not be in the past"));
            } else if (start.isAfter(now.plus(limits.bookingHorizon()))) {
                errors.add(new InvalidFieldException.FieldError("windowStart",
                        "must lie within " + limits.bookingHorizon().toDays() + " days from now"));
            }
            if (!end.isAfter(start)) {
                errors.add(new InvalidFieldException.FieldError("windowEnd", "must be after windowStart"));
            } else if (Duration.between(start, end).compareTo(limits.maxWindow()) > 0) {
                errors.add(new InvalidFieldException.FieldError("windowEnd",
                        "the window must not be longer than " + describe(limits.maxWindow())));
            }
            if (!errors.isEmpty()) {
                throw new InvalidFieldException(errors);
            }
            return this;
        }

        private static String describe(Duration d) {
            return d.toMinutesPart() == 0 ? d.toHours() + "h" : d.toMinutes() + " minutes";
        }
    }

    /** The order's current appointment: its newest version, if the order's {@code technician} is still who booked it. */
    static Optional<Appointment> currentFor(String technician, Optional<Appointment> latest) {
        return latest.filter(a -> a.technician().equals(technician));
    }

    /** The first window agreed with the customer by (or on behalf of) the order's technician. */
    static Change confirm(WorkOrder workOrder, int seq, Window window, RequestedBy requestedBy, String confirmedWith,
                          String note, String actor, Instant now) {
        Appointment booked = new Appointment(UUID.randomUUID(), workOrder.id(), workOrder.ticketId(), seq,
                workOrder.technician(), window.start(), window.end(), requestedBy, null, confirmedWith, note, false,
                actor, now);
        return new Change(booked, booked.scheduled());
    }

    /** The next version of this window: who asked for the change and why. */
    Change change(int nextSeq, Window window, RequestedBy requestedBy, String why, String newConfirmedWith,
                  String newNote, String actor, Instant now) {
        Appointment changed = new Appointment(UUID.randomUUID(), workOrderId, ticketId, nextSeq, technician,
                window.start(), window.end(), requestedBy, why,
                newConfirmedWith != null ? newConfirmedWith : confirmedWith, newNote, true, actor, now);
        return new Change(changed, changed.scheduled());
    }

    private VisitScheduled scheduled() {
        return new VisitScheduled(workOrderId, ticketId, technician, windowStart, windowEnd, requestedBy, reason,
                rescheduled, actor, recordedAt);
    }

    /** SEC-04: the customer's contact stays out of logs. */
    @Override
    public String toString() {
        return "Appointment[workOrderId=" + workOrderId + ", seq=" + seq + ", technician=" + technician
                + ", window=" + windowStart + ".." + windowEnd + ", requestedBy=" + requestedBy + ", rescheduled="
                + rescheduled + "]";
    }
}
