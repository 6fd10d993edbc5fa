package com.opensvc.aftersales.dispatch.appointment;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.dispatch.workorder.WorkOrder;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderService;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;
import com.opensvc.aftersales.web.StateConflictException;

import lombok.RequiredArgsConstructor;

/**
 * DSP-04: appointment windows on an assigned, open work order (AWAITING_PARTS or READY), booked and changed by its
 * technician (SEC-02) or a supervisor on their behalf; a late technician's notice to the customer. Reads the order
 * through {@link WorkOrderService}; changes nothing of it.
 */
@Service
@RequiredArgsConstructor
public class AppointmentService {
    private static final Paging FIRST_PAGE = new Paging(0, Paging.DEFAULT_SIZE);
    private final WorkOrderService workOrders;
    private final AppointmentRepository appointments;
    private final AppointmentProperties limits;
    private final Clock clock;
    private final ApplicationEventPublisher inProcess;

    /**
     * Who is acting: the order's technician (checked, SEC-02) or, {@code supervisor} true, a supervisor on their
     * behalf (for reads: anyone whose role reads every order).
     */
    public record Caller(String login, boolean supervisor) {
    }

    /** The current window (null when none counts: never booked, or booked by an earlier technician) and every version. */
    public record AppointmentView(UUID workOrderId, UUID ticketId, String technician, Appointment current,
                                  PageOf<Appointment> changes) {
    }

    /** DSP-04: the first window agreed with the customer; 409 while one is current (change it instead). */
    @Transactional
    public AppointmentView confirm(UUID workOrderId, Instant start, Instant end, String confirmedWith, String note,
                                   Caller caller) {
        WorkOrder workOrder = open(workOrderId, caller, "book an appointment");
        Optional<Appointment> latest = appointments.latest(workOrderId);
        Appointment.currentFor(workOrder.technician(), latest).ifPresent(current -> {
            throw new StateConflictException("appointment", "CONFIRMED",
                    "confirm another window: change it (PUT), saying who asked and why (DSP-04)");
        });
        Instant now = clock.instant();
        Appointment.Window window = new Appointment.Window(start, end).check(now, limits);
        RequestedBy by = caller.supervisor() ? RequestedBy.SUPERVISOR : RequestedBy.TECHNICIAN;
        save(Appointment.confirm(workOrder, nextSeq(latest), window, by, confirmedWith, note, caller.login(), now));
        return view(workOrderId, FIRST_PAGE);
    }

    /** DSP-04: a change of the current window records who asked and why; 409 when there is none to change. */
    @Transactional
    public AppointmentView change(UUID workOrderId, Instant start, Instant end, RequestedBy requestedBy, String reason,
                                  String confirmedWith, String note, Caller caller) {
        WorkOrder workOrder = open(workOrderId, caller, "change the appointment");
        Optional<Appointment> latest = appointments.latest(workOrderId);
        Appointment current = Appointment.currentFor(workOrder.technician(), latest).orElseThrow(() -> new StateConflictException(
                "appointment", "NONE", "change it: " + workOrder.technician() + " has not confirmed a window (POST)"));
        Instant now = clock.instant();
        Appointment.Window window = new Appointment.Window(start, end).check(now, limits);
        save(current.change(nextSeq(latest), window, requestedBy, reason, confirmedWith, note, caller.login(), now));
        return view(workOrderId, FIRST_PAGE);
    }

    /**
     * DSP-04 / DSP-05: the technician will be late and has told the customer the new expected arrival (400 when it is
     * already past); accepted also after the window ended. 409 once the technician has arrived.
     */
    @Transactional
    public LateNotice lateNotice(UUID workOrderId, Instant expectedArrival, String reason, Caller caller) {
        WorkOrder workOrder = open(workOrderId, caller, "give notice of a late arrival");
        if (workOrder.arrivedAt() != null) {
            throw new StateConflictException("work order", workOrder.state().name(),
                    "give notice of a late arrival: the technician arrived at " + workOrder.arrivedAt());
        }
        Instant now = clock.instant();
        if (expectedArrival.isBefore(now)) {
            throw new InvalidFieldException("expectedArrival", "must not be in the past");
        }
        if (expectedArrival.isAfter(now.plus(limits.bookingHorizon()))) {
            throw new InvalidFieldException("expectedArrival",
                    "must lie within " + limits.bookingHorizon().toDays() + " days from now");
        }
        LateNotice.Change change = LateNotice.give(workOrder, expectedArrival, reason, caller.login(), now);
        appointments.save(change);
        inProcess.publishEvent(change.event());
        return change.notice();
    }

    public AppointmentView view(UUID workOrderId, Caller caller, Paging paging) {
        readable(workOrderId, caller);
        return view(workOrderId, paging);
    }

    public PageOf<LateNotice> lateNotices(UUID workOrderId, Caller caller, Paging paging) {
        readable(workOrderId, caller);
        return appointments.lateNotices(workOrderId, paging);
    }

    private AppointmentView view(UUID workOrderId, Paging paging) {
        WorkOrder workOrder = workOrders.get(workOrderId);
        Appointment current = Appointment.currentFor(workOrder.technician(), appointments.latest(workOrderId)).orElse(null);
        return new AppointmentView(workOrderId, workOrder.ticketId(), workOrder.technician(), current,
                appointments.versions(workOrderId, paging));
    }

    /** SEC-02 before the state: another technician learns nothing of the order's state (403). */
    private WorkOrder open(UUID workOrderId, Caller caller, String action) {
        WorkOrder workOrder = workOrders.get(workOrderId);
        if (!caller.supervisor()) {
            workOrder.requireAssignedTo(caller.login());
        }
        workOrder.state().requireVisitable(action);
        return workOrder;
    }

    private void readable(UUID workOrderId, Caller caller) {
        if (!caller.supervisor()) {
            workOrders.get(workOrderId).requireAssignedTo(caller.login());
        }
    }

    private void save(Appointment.Change change) {
        try {
            appointments.save(change);
        } catch (DuplicateKeyException e) {
            throw new StateConflictException("appointment", "CHANGED",
                    "save this version: another was saved at the same time; read it again (DSP-04)");
        }
        inProcess.publishEvent(change.event());
    }

    private static int nextSeq(Optional<Appointment> latest) {
        return latest.map(a -> a.seq() + 1).orElse(1);
    }
}
