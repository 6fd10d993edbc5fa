package com.opensvc.aftersales.dispatch.installation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.dispatch.installation.InstallationChange.SignatureData;
import com.opensvc.aftersales.dispatch.installation.InstallationProject.Category;
import com.opensvc.aftersales.dispatch.installation.InstallationProject.CheckResult;
import com.opensvc.aftersales.dispatch.installation.InstallationProject.Confirmation;
import com.opensvc.aftersales.dispatch.installation.InstallationProject.Notice;
import com.opensvc.aftersales.dispatch.installation.InstallationProject.Severity;
import com.opensvc.aftersales.dispatch.installation.InstallationProject.SignerRole;
import com.opensvc.aftersales.dispatch.technician.Technicians;
import com.opensvc.aftersales.dispatch.workorder.WorkOrder;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderGuards;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderService;
import com.opensvc.aftersales.idempotency.IdempotencyKeys;
import com.opensvc.aftersales.web.ForbiddenException;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.NotFoundException;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;
import com.opensvc.aftersales.web.StateConflictException;

import lombok.RequiredArgsConstructor;

/**
 * DSP-11: loads a project for update, lets it decide ({@link InstallationProject}), saves the change. Who works on a
 * project: a supervisor, the technicians the supervisor named on its team, and the technician of its INSTALLATION
 * work order. The work order asks before its technician's arrival ({@link WorkOrderGuards.Arrival}).
 */
@Service
@RequiredArgsConstructor
public class InstallationService implements WorkOrderGuards.Arrival {
    static final String IDEMPOTENCY_RESOURCE = "installation-project";
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final InstallationRepository projects;
    private final WorkOrderService workOrders;
    private final Technicians technicians;
    private final IdempotencyKeys idempotency;
    private final InstallationProperties properties;
    private final Clock clock;

    /** Who is asking: a supervisor works on every project, a technician on theirs (SEC-02). */
    public record Actor(String login, boolean supervisor, boolean onlyTechnician) {
    }

    public record Created(InstallationProject project, boolean created) {
    }

    /** DSP-11: sales' notice; an {@code Idempotency-Key} replayed returns the project it created. */
    @Transactional
    public Created create(Notice notice, String idempotencyKey, Actor actor) {
        UUID id = UUID.randomUUID();
        var earlier = idempotency.claim(IDEMPOTENCY_RESOURCE, idempotencyKey, id);
        if (earlier.isPresent()) {
            return new Created(get(earlier.get()), false);
        }
        Notice linked = linkWorkOrder(notice);
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        projects.save(InstallationProject.notified(id, linked, properties.entryChecklist(), today,
                properties.noticeDays(), actor.supervisor(), actor.login(), clock.instant()));
        return new Created(get(id), true);
    }

    /** The supervisor names the installation team. */
    @Transactional
    public InstallationProject team(UUID id, List<String> logins, String actor) {
        List<InvalidFieldException.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < logins.size(); i++) {
            if (technicians.homeStore(logins.get(i).trim()).isEmpty()) {
                errors.add(new InvalidFieldException.FieldError("technicians[" + i + "]", "is not a known technician"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        return change(id, null, p -> p.team(logins));
    }

    @Transactional
    public InstallationProject check(UUID id, String item, CheckResult result, String note, Actor actor) {
        return change(id, actor, p -> p.check(item, result, note, actor.login(), clock.instant()));
    }

    @Transactional
    public InstallationProject recheck(UUID id, String item, CheckResult result, String note, Actor actor) {
        return change(id, actor, p -> p.recheck(item, result, note, actor.login(), clock.instant()));
    }

    @Transactional
    public InstallationProject start(UUID id, Actor actor) {
        return change(id, actor, p -> p.start(actor.login(), clock.instant()));
    }

    @Transactional
    public InstallationProject recordProblem(UUID id, String description, Category category, Severity severity,
                                             Actor actor) {
        return change(id, actor, p -> p.recordProblem(description, category, severity, actor.login(), clock.instant()));
    }

    @Transactional
    public InstallationProject sign(UUID id, UUID problemId, String signedBy, SignerRole signerRole, String signature,
                                    String confirmationCode, Actor actor) {
        SignatureData data = signature(signature, confirmationCode);
        return change(id, actor, p -> p.sign(problemId, signedBy, signerRole, data, actor.login(), clock.instant()));
    }

    @Transactional
    public InstallationProject closeProblem(UUID id, UUID problemId, String resolution, Actor actor) {
        return change(id, actor, p -> p.close(problemId, resolution, actor.login(), clock.instant()));
    }

    @Transactional
    public InstallationProject complete(UUID id, Actor actor) {
        return change(id, actor, p -> p.complete(actor.login(), clock.instant()));
    }

    /** A technician reads only the projects they work on (SEC-02). */
    public InstallationProject get(UUID id, Actor actor) {
        InstallationProject project = get(id);
        if (actor.onlyTechnician()) {
            requireWorker(project, actor);
        }
        return project;
    }

    public PageOf<InstallationProject> search(ProjectState state, Actor actor, Paging paging) {
        return projects.search(state, actor.onlyTechnician() ? actor.login() : null, paging);
    }

    /**
     * DSP-11: the technician of a project's INSTALLATION work order goes on site only after its entry review passed
     * (409 listing the items not OK).
     */
    @Override
    public void requireArrivalAllowed(WorkOrder workOrder) {
        projects.findByWorkOrder(workOrder.id()).filter(p -> !p.entryReviewPassed()).ifPresent(p -> {
            throw new StateConflictException("work order", workOrder.state().name(), "record the technician's arrival:"
                    + " the entry review of installation project " + p.id() + " has items not OK: "
                    + p.entryReview().notOk().stream().map(i -> i.item() + " " + i.status()).toList());
        });
    }

    private InstallationProject change(UUID id, Actor actor, Function<InstallationProject, InstallationChange> step) {
        InstallationProject project = projects.findForUpdate(id).orElseThrow(() -> notFound(id));
        if (actor != null) {
            requireWorker(project, actor);
        }
        projects.save(step.apply(project));
        return get(id);
    }

    private void requireWorker(InstallationProject project, Actor actor) {
        if (actor.supervisor() || project.technicians().contains(actor.login())) {
            return;
        }
        if (project.workOrderId() != null && actor.login().equals(workOrders.get(project.workOrderId()).technician())) {
            return;
        }
        throw new ForbiddenException("installation project " + project.id() + " is not yours");
    }

    private InstallationProject get(UUID id) {
        return projects.find(id).orElseThrow(() -> notFound(id));
    }

    /** The project names its INSTALLATION work order: it must be one, have no project yet, and give the ticket. */
    private Notice linkWorkOrder(Notice notice) {
        if (notice.workOrderId() == null) {
            return notice;
        }
        WorkOrder workOrder;
        try {
            workOrder = workOrders.get(notice.workOrderId());
        } catch (NotFoundException e) {
            throw new InvalidFieldException("workOrderId", "is not a known work order");
        }
        if (!"INSTALLATION".equals(workOrder.serviceType())) {
            throw new InvalidFieldException("workOrderId", "is not an INSTALLATION work order");
        }
        if (notice.ticketId() != null && !notice.ticketId().equals(workOrder.ticketId())) {
            throw new InvalidFieldException("ticketId", "is not the ticket of work order " + workOrder.id());
        }
        projects.findByWorkOrder(workOrder.id()).ifPresent(p -> {
            throw new InvalidFieldException("workOrderId", "already belongs to installation project " + p.id());
        });
        return new Notice(notice.customerId(), notice.customerName(), notice.site(), notice.productModel(),
                notice.quantity(), notice.plannedStart(), notice.salesContact(), workOrder.ticketId(),
                workOrder.id(), notice.notes(), notice.lateNoticeReason());
    }

    /** Exactly one of a base64 PNG signature image and a confirmation code. */
    static SignatureData signature(String signature, String confirmationCode) {
        boolean hasImage = signature != null && !signature.isBlank();
        boolean hasCode = confirmationCode != null && !confirmationCode.isBlank();
        if (hasImage == hasCode) {
            throw new InvalidFieldException("signature", "give either the signature (a base64 PNG image) or a "
                    + "confirmationCode, not both and not neither");
        }
        if (hasCode) {
            return new SignatureData(Confirmation.CODE, null, confirmationCode.trim());
        }
        byte[] png;
        try {
            png = Base64.getMimeDecoder().decode(signature.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("signature", "must be a base64 PNG image");
        }
        if (png.length <= PNG_MAGIC.length || !java.util.Arrays.equals(png, 0, PNG_MAGIC.length, PNG_MAGIC, 0,
                PNG_MAGIC.length)) {
            throw new InvalidFieldException("signature", "must be a base64 PNG image");
        }
        return new SignatureData(Confirmation.SIGNATURE, png, null);
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("no installation project " + id);
    }
}
