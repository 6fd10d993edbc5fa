package com.opensvc.aftersales.dispatch.maintenance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.dispatch.technician.Technicians;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.InvalidFieldException.FieldError;
import com.opensvc.aftersales.web.NotFoundException;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;
import com.opensvc.aftersales.web.StateConflictException;

import lombok.RequiredArgsConstructor;

/**
 * DSP-09 / RPT-03: maintenance plans, the orders they generate, the inspection records and the prompts for a plan.
 * Loads for update → the aggregate decides → saves the change with its events (one transaction).
 */
@Service
@RequiredArgsConstructor
public class MaintenanceService {
    private static final Logger log = LoggerFactory.getLogger(MaintenanceService.class);
    static final String JOB_ACTOR = "system:maintenance-plan";
    /** A plan starts at most this long before today (a contract signed late) … */
    static final int FIRST_DUE_DAYS_BACK = 366;
    /** … and at most this many years after it. */
    static final int FIRST_DUE_YEARS_AHEAD = 10;
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final MaintenancePlanRepository plans;
    private final MaintenanceOrderRepository orders;
    private final MaintenancePromptRepository prompts;
    private final MaintenanceDueList dueList;
    private final Technicians technicians;
    private final MaintenanceProperties properties;
    private final Clock clock;

    /** The company's today. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), properties.zone());
    }

    // ---- plans

    @Transactional
    public MaintenancePlan createPlan(CreatePlanRequest request, String actor) {
        LocalDate today = today();
        List<FieldError> errors = new ArrayList<>();
        if (request.firstDue().isBefore(today.minusDays(FIRST_DUE_DAYS_BACK))
                || request.firstDue().isAfter(today.plusYears(FIRST_DUE_YEARS_AHEAD))) {
            errors.add(new FieldError("firstDue", "must lie between " + today.minusDays(FIRST_DUE_DAYS_BACK) + " and "
                    + today.plusYears(FIRST_DUE_YEARS_AHEAD)));
        }
        if (request.technicianId() != null && !request.technicianId().isBlank()
                && technicians.homeStore(request.technicianId().trim()).isEmpty()) {
            errors.add(new FieldError("technicianId", "is not a known technician"));
        }
        Instant now = clock.instant();
        MaintenancePlan plan = MaintenancePlan.create(request, properties, actor, now);
        if (plan.schedules().isEmpty()) {
            errors.add(new FieldError("inspections",
                    "the plan generates no work: name an inspection, or give an item its own 'every'"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        plans.insert(plan);
        prompts.planned(plan.installedProductId(), plan.id(), actor, now);
        log.info("Maintenance plan {} created with {} schedule(s)", plan.id(), plan.schedules().size());
        return getPlan(plan.id());
    }

    public MaintenancePlan getPlan(UUID id) {
        return plans.find(id).orElseThrow(() -> new NotFoundException("no maintenance plan " + id));
    }

    public PageOf<MaintenancePlan> searchPlans(MaintenancePlanRepository.Filter filter, Paging paging) {
        return plans.search(filter, paging);
    }

    /** No work is generated while suspended; open orders stay. */
    @Transactional
    public MaintenancePlan suspend(UUID id, String reason, String actor) {
        return move(id, PlanState.SUSPENDED, reason, actor);
    }

    @Transactional
    public MaintenancePlan resume(UUID id, String actor) {
        return move(id, PlanState.ACTIVE, null, actor);
    }

    /** The plan ends (never deleted, SEC-05): its open orders are cancelled. */
    @Transactional
    public MaintenancePlan end(UUID id, String reason, String actor) {
        MaintenancePlan plan = move(id, PlanState.ENDED, reason, actor);
        Instant now = clock.instant();
        for (MaintenanceOrder open : orders.openOfPlanForUpdate(id)) {
            orders.save(open.cancel(actor, now));
            orders.releaseSchedule(open);
        }
        return plan;
    }

    private MaintenancePlan move(UUID id, PlanState target, String reason, String actor) {
        MaintenancePlan plan = plans.findForUpdate(id)
                .orElseThrow(() -> new NotFoundException("no maintenance plan " + id));
        plans.updateState(plan.moveTo(target, reason, actor, clock.instant()));
        return getPlan(id);
    }

    // ---- generated orders

    /**
     * DSP-09: one batch of the job: claims up to {@code limit} schedules due within {@code lead-days} of {@code today}
     * and generates their orders. Runs in the caller's transaction.
     *
     * @return how many schedules were claimed and how many orders generated
     */
    @Transactional
    public Generated generateBatch(LocalDate today, int limit) {
        List<MaintenanceOrderRepository.DueSchedule> due = orders.claimDue(today.plusDays(properties.leadDays()), limit);
        Instant now = clock.instant();
        int generated = 0;
        for (MaintenanceOrderRepository.DueSchedule schedule : due) {
            if (orders.save(MaintenanceOrder.generate(schedule, JOB_ACTOR, now))) {
                generated++;
            }
        }
        return new Generated(due.size(), generated);
    }

    public record Generated(int claimed, int generated) {
    }

    /** The supervisor assigns (or reassigns) a known technician. */
    @Transactional
    public MaintenanceOrder assign(UUID id, String technician, String actor) {
        if (technicians.homeStore(technician).isEmpty()) {
            throw new InvalidFieldException("technicianId", "is not a known technician");
        }
        orders.save(lockOrder(id).assign(technician, actor, clock.instant()));
        return getOrder(id);
    }

    /**
     * DSP-09: the assigned technician (SEC-02) records the inspection the customer signed; the order is DONE and its
     * schedule is next due one interval after the day it was done.
     */
    @Transactional
    public InspectionRecord recordInspection(UUID id, InspectionRecordRequest request, String technician) {
        MaintenanceOrder order = lockOrder(id);
        order.requireAssignedTo(technician);
        LocalDate today = today();
        LocalDate performedOn = request.performedOn() == null ? today : request.performedOn();
        List<FieldError> errors = new ArrayList<>();
        if (performedOn.isAfter(today)) {
            errors.add(new FieldError("performedOn", "must not be in the future"));
        } else if (performedOn.isBefore(LocalDate.ofInstant(order.createdAt(), properties.zone()))) {
            errors.add(new FieldError("performedOn", "must not be before the order was generated"));
        }
        boolean signature = hasText(request.customerSignature());
        boolean code = hasText(request.confirmationCode());
        if (signature == code) {
            errors.add(new FieldError("customerSignature",
                    "give either the customer's signature (base64 PNG) or a confirmationCode"));
        } else if (signature && !isPng(request.customerSignature())) {
            errors.add(new FieldError("customerSignature", "must be a base64-encoded PNG image"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        Instant now = clock.instant();
        InspectionRecord record = new InspectionRecord(UUID.randomUUID(), order.id(), order.planId(),
                order.customerId(), order.installedProductId(), order.productModel(), order.serialNumber(),
                order.region(), order.kind(), order.mode(), order.name(), order.dueDate(), performedOn, technician,
                request.items().stream().map(i -> new InspectionRecord.ItemResult(i.name().trim(), i.result(),
                        i.note())).toList(),
                request.problemsOrEmpty().stream().map(p -> new InspectionRecord.Problem(UUID.randomUUID(),
                        p.description().trim(), p.severity())).toList(),
                signature ? InspectionRecord.ConfirmationMethod.SIGNATURE : InspectionRecord.ConfirmationMethod.CODE,
                signature ? stripDataUrl(request.customerSignature()) : null,
                code ? request.confirmationCode().trim() : null, request.signedBy().trim(), now);
        orders.save(order.recordInspection(record, order.every().after(performedOn), technician, now));
        return getRecord(record.id());
    }

    public MaintenanceOrder getOrder(UUID id) {
        return orders.find(id).orElseThrow(() -> new NotFoundException("no maintenance order " + id));
    }

    public PageOf<MaintenanceOrder> searchOrders(MaintenanceOrderRepository.Filter filter, Paging paging) {
        return orders.search(filter, paging);
    }

    public InspectionRecord getRecord(UUID id) {
        return orders.findRecord(id).orElseThrow(() -> new NotFoundException("no inspection record " + id));
    }

    private MaintenanceOrder lockOrder(UUID id) {
        return orders.findForUpdate(id).orElseThrow(() -> new NotFoundException("no maintenance order " + id));
    }

    // ---- prompts and reminders

    public PageOf<MaintenancePrompt> searchPrompts(MaintenancePrompt.State state, UUID installedProductId,
                                                   Paging paging) {
        return prompts.search(state, installedProductId, paging);
    }

    @Transactional
    public MaintenancePrompt dismissPrompt(UUID id, String reason, String actor) {
        MaintenancePrompt prompt = prompts.find(id).orElseThrow(() -> new NotFoundException("no maintenance prompt " + id));
        if (!prompts.dismiss(id, reason, actor, clock.instant())) {
            throw new StateConflictException("maintenance prompt", prompt.state().name(), "be dismissed");
        }
        return prompts.find(id).orElseThrow();
    }

    /** RPT-03: maintenance due within {@code days} days (overdue included); a technician's own only. */
    public PageOf<MaintenanceDue> due(int days, String technician, Paging paging) {
        LocalDate today = today();
        return dueList.dueBy(today, today.plusDays(days), technician, paging);
    }

    private static boolean isPng(String base64) {
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(stripDataUrl(base64));
            if (bytes.length <= PNG.length) {
                return false;
            }
            for (int i = 0; i < PNG.length; i++) {
                if (bytes[i] != PNG[i]) {
                    return false;
                }
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String stripDataUrl(String base64) {
        String trimmed = base64.trim();
        return trimmed.startsWith("data:image/png;base64,") ? trimmed.substring("data:image/png;base64,".length())
                : trimmed;
    }

    private static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }
}
