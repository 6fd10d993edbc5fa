package com.opensvc.aftersales.dispatch.installation;

import static com.opensvc.aftersales.dispatch.installation.ProjectState.COMPLETED;
import static com.opensvc.aftersales.dispatch.installation.ProjectState.IN_PROGRESS;
import static com.opensvc.aftersales.dispatch.installation.ProjectState.PLANNED;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.opensvc.aftersales.dispatch.installation.InstallationChange.CheckLine;
import com.opensvc.aftersales.dispatch.installation.InstallationChange.SignatureData;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.NotFoundException;
import com.opensvc.aftersales.web.StateConflictException;

/**
 * DSP-11: an installation project. Sales' notice ahead of the start, the entry review checklist that must be all OK
 * before the team goes on site (a PROBLEM is fixed and re-checked), and the problems met on site, each signed and
 * handed to quality or closed with a resolution before the project completes. Each transition guards the state and
 * returns the {@link InstallationChange} it caused. {@code customerName} and {@code site} are personal data: the
 * record's {@code toString} leaves them out (SEC-04).
 *
 * @param noticeDays days between the notice and the planned start
 * @param lateNotice a supervisor's acceptance of a notice shorter than configured, or null
 * @param technicians the installation team the supervisor named (the INSTALLATION work order's technician also works
 *                    on the project)
 */
public record InstallationProject(UUID id, UUID customerId, String customerName, String site, String productModel,
                                  int quantity, LocalDate plannedStart, String salesContact, UUID ticketId,
                                  UUID workOrderId, String notes, ProjectState state, int noticeDays,
                                  LateNotice lateNotice, List<String> technicians, EntryReview entryReview,
                                  List<Problem> problems, String createdBy, Instant createdAt, String startedBy,
                                  Instant startedAt, String completedBy, Instant completedAt, int version) {

    public enum ItemStatus { OPEN, OK, PROBLEM }

    /** What was checked: OK or PROBLEM (a check leaves no item OPEN). */
    public enum CheckResult { OK, PROBLEM }

    public enum Category { PRODUCT_QUALITY, MISSING_OR_WRONG_PARTS, SITE_CONDITION, DESIGN_OR_DRAWING, CUSTOMER_CHANGE, OTHER }

    public enum Severity { MINOR, MAJOR, CRITICAL }

    public enum ProblemState { OPEN, HANDED_TO_QUALITY, CLOSED }

    /** Who signed a problem: the customer, or the site lead (the project manager on site). */
    public enum SignerRole { CUSTOMER, SITE_LEAD }

    public enum Confirmation { SIGNATURE, CODE }

    public record LateNotice(String reason, String acceptedBy) {
    }

    /** @param passed every item is OK: the team may go on site */
    public record EntryReview(boolean passed, List<EntryItem> items) {
        public EntryReview {
            items = List.copyOf(items);
        }

        static EntryReview of(List<EntryItem> items) {
            return new EntryReview(!items.isEmpty() && items.stream().allMatch(i -> i.status() == ItemStatus.OK), items);
        }

        List<EntryItem> notOk() {
            return items.stream().filter(i -> i.status() != ItemStatus.OK).toList();
        }
    }

    /** @param rechecks how often the item was re-checked after a PROBLEM */
    public record EntryItem(String item, int position, ItemStatus status, String note, String checkedBy,
                            Instant checkedAt, int rechecks) {
    }

    public record Problem(UUID id, String description, Category category, Severity severity, ProblemState state,
                          String recordedBy, Instant recordedAt, String signedBy, SignerRole signerRole,
                          Confirmation confirmation, Instant signedAt, String resolution, String closedBy,
                          Instant closedAt) {
    }

    public InstallationProject {
        technicians = List.copyOf(technicians);
        problems = List.copyOf(problems);
    }

    /** What sales tells after-sales when it notifies an installation. */
    public record Notice(UUID customerId, String customerName, String site, String productModel, int quantity,
                         LocalDate plannedStart, String salesContact, UUID ticketId, UUID workOrderId, String notes,
                         String lateNoticeReason) {
    }

    /**
     * DSP-11: a project from sales' notice, at least {@code requiredDays} before its start; a shorter notice only as a
     * supervisor's recorded exception (a reason). The checklist starts with every configured item OPEN.
     */
    static InstallationChange notified(UUID id, Notice notice, List<String> checklist, LocalDate today,
                                       int requiredDays, boolean supervisor, String actor, Instant now) {
        if (notice.plannedStart().isBefore(today)) {
            throw new InvalidFieldException("plannedStart", "lies in the past (today is " + today + ")");
        }
        int days = (int) ChronoUnit.DAYS.between(today, notice.plannedStart());
        LateNotice late = null;
        if (days < requiredDays) {
            if (blank(notice.lateNoticeReason())) {
                throw new InvalidFieldException("plannedStart", "sales notifies an installation at least "
                        + requiredDays + " days before it starts (" + days + " given); a supervisor may accept a late"
                        + " notice with lateNoticeReason");
            }
            if (!supervisor) {
                throw new com.opensvc.aftersales.web.ForbiddenException(
                        "only a supervisor accepts a late installation notice");
            }
            late = new LateNotice(notice.lateNoticeReason().trim(), actor);
        }
        List<EntryItem> items = new ArrayList<>();
        for (int i = 0; i < checklist.size(); i++) {
            items.add(new EntryItem(checklist.get(i), i, ItemStatus.OPEN, null, null, null, 0));
        }
        InstallationProject project = new InstallationProject(id, notice.customerId(), notice.customerName().trim(),
                trimmed(notice.site()), notice.productModel().trim(), notice.quantity(), notice.plannedStart(),
                notice.salesContact().trim(), notice.ticketId(), notice.workOrderId(), trimmed(notice.notes()),
                PLANNED, days, late, List.of(), EntryReview.of(items), List.of(), actor, now, null, null, null, null, 0);
        return InstallationChange.opened(project);
    }

    /** The supervisor names the installation team (the seeds: after-sales' lead decides the team). */
    InstallationChange team(List<String> logins) {
        if (state == COMPLETED) {
            throw state.conflict("change the team of a completed project");
        }
        return InstallationChange.of(with(logins.stream().map(String::trim).distinct().toList(), state, entryReview,
                problems, startedBy, startedAt, completedBy, completedAt));
    }

    /** The first check of an entry review item: OK, or a PROBLEM to be fixed and re-checked. */
    InstallationChange check(String item, CheckResult result, String note, String actor, Instant now) {
        state.require(PLANNED, "check entry review item " + item + ": the team is already on site");
        EntryItem current = item(item);
        if (current.status() != ItemStatus.OPEN) {
            throw new StateConflictException("entry review item " + item, current.status().name(),
                    "be checked again: re-check it (…/recheck)");
        }
        requireNoteForProblem(result, note);
        return checked(current, result, note, false, actor, now);
    }

    /** A PROBLEM found on entry review was fixed: the item is checked again (OK, or still a PROBLEM). */
    InstallationChange recheck(String item, CheckResult result, String note, String actor, Instant now) {
        state.require(PLANNED, "re-check entry review item " + item + ": the team is already on site");
        EntryItem current = item(item);
        if (current.status() != ItemStatus.PROBLEM) {
            throw new StateConflictException("entry review item " + item, current.status().name(),
                    "be re-checked: only a PROBLEM is fixed and re-checked");
        }
        if (blank(note)) {
            throw new InvalidFieldException("note", "a re-check says what was fixed or what is still wrong");
        }
        return checked(current, result, note, true, actor, now);
    }

    /** The team goes on site: only when every entry review item is OK (409 listing the others). */
    InstallationChange start(String actor, Instant now) {
        ProjectState next = state.requireTransitionTo(IN_PROGRESS);
        List<EntryItem> open = entryReview.notOk();
        if (!open.isEmpty()) {
            throw new StateConflictException("installation project", state.name(), "start on site: the entry review "
                    + "has items not OK: " + open.stream().map(i -> i.item() + " " + i.status()).toList());
        }
        return InstallationChange.of(with(technicians, next, entryReview, problems, actor, now, null, null));
    }

    /** A problem met during the installation, to be signed (then handed to quality) or closed. */
    InstallationChange recordProblem(String description, Category category, Severity severity, String actor,
                                     Instant now) {
        state.require(IN_PROGRESS, "record an installation problem: the project is not on site");
        Problem problem = new Problem(UUID.randomUUID(), description.trim(), category, severity, ProblemState.OPEN,
                actor, now, null, null, null, null, null, null, null);
        List<Problem> all = new ArrayList<>(problems);
        all.add(problem);
        return InstallationChange.of(with(technicians, state, entryReview, all, startedBy, startedAt, completedBy,
                completedAt)).withProblem(problem, null);
    }

    /** The customer or the site lead signs the problem; it goes to quality (InstallationProblemRecorded). */
    InstallationChange sign(UUID problemId, String signedBy, SignerRole signerRole, SignatureData signature,
                            String actor, Instant now) {
        state.require(IN_PROGRESS, "sign an installation problem: the project is not on site");
        Problem current = problem(problemId);
        requireOpen(current, "be signed");
        Problem signed = new Problem(current.id(), current.description(), current.category(), current.severity(),
                ProblemState.HANDED_TO_QUALITY, current.recordedBy(), current.recordedAt(), signedBy.trim(), signerRole,
                signature.confirmation(), now, null, null, null);
        return InstallationChange.of(with(technicians, state, entryReview, replaced(signed), startedBy, startedAt,
                        completedBy, completedAt)).withProblem(signed, signature)
                .withEvent(new InstallationProblemRecorded(id, signed.id(), workOrderId, ticketId, productModel,
                        signed.description(), signed.category(), signed.severity(), signed.signedBy(), signerRole,
                        signature.confirmation(), actor, now));
    }

    /** A problem settled on site (no follow-up by quality) is closed with its resolution. */
    InstallationChange close(UUID problemId, String resolution, String actor, Instant now) {
        state.require(IN_PROGRESS, "close an installation problem: the project is not on site");
        Problem current = problem(problemId);
        requireOpen(current, "be closed");
        Problem closed = new Problem(current.id(), current.description(), current.category(), current.severity(),
                ProblemState.CLOSED, current.recordedBy(), current.recordedAt(), null, null, null, null,
                resolution.trim(), actor, now);
        return InstallationChange.of(with(technicians, state, entryReview, replaced(closed), startedBy, startedAt,
                completedBy, completedAt)).withProblem(closed, null);
    }

    /** Installed: every problem met is handed to quality or closed (409 listing the open ones). */
    InstallationChange complete(String actor, Instant now) {
        ProjectState next = state.requireTransitionTo(COMPLETED);
        List<UUID> open = problems.stream().filter(p -> p.state() == ProblemState.OPEN).map(Problem::id).toList();
        if (!open.isEmpty()) {
            throw new StateConflictException("installation project", state.name(), "complete: problems are neither "
                    + "signed and handed to quality nor closed: " + open);
        }
        return InstallationChange.of(with(technicians, next, entryReview, problems, startedBy, startedAt, actor, now));
    }

    /** The team may go on site: every entry review item is OK. */
    public boolean entryReviewPassed() {
        return entryReview.passed();
    }

    private InstallationChange checked(EntryItem current, CheckResult result, String note, boolean recheck,
                                       String actor, Instant now) {
        EntryItem after = new EntryItem(current.item(), current.position(), ItemStatus.valueOf(result.name()),
                trimmed(note), actor, now, current.rechecks() + (recheck ? 1 : 0));
        List<EntryItem> items = entryReview.items().stream().map(i -> i.item().equals(after.item()) ? after : i)
                .toList();
        return InstallationChange.of(with(technicians, state, EntryReview.of(items), problems, startedBy, startedAt,
                        completedBy, completedAt))
                .withCheck(after, new CheckLine(after.item(), recheck ? "RECHECKED" : "CHECKED", result,
                        after.note(), actor, now));
    }

    private EntryItem item(String item) {
        return entryReview.items().stream().filter(i -> i.item().equals(item)).findFirst()
                .orElseThrow(() -> new NotFoundException("installation project " + id + " has no entry review item "
                        + item));
    }

    private Problem problem(UUID problemId) {
        return problems.stream().filter(p -> p.id().equals(problemId)).findFirst()
                .orElseThrow(() -> new NotFoundException("installation project " + id + " has no problem " + problemId));
    }

    private List<Problem> replaced(Problem problem) {
        return problems.stream().map(p -> p.id().equals(problem.id()) ? problem : p).toList();
    }

    private static void requireOpen(Problem problem, String attempted) {
        if (problem.state() != ProblemState.OPEN) {
            throw new StateConflictException("installation problem", problem.state().name(), attempted);
        }
    }

    private static void requireNoteForProblem(CheckResult result, String note) {
        if (result == CheckResult.PROBLEM && blank(note)) {
            throw new InvalidFieldException("note", "a PROBLEM says what is wrong");
        }
    }

    private InstallationProject with(List<String> team, ProjectState nextState, EntryReview review,
                                     List<Problem> nextProblems, String started, Instant startedTime, String completed,
                                     Instant completedTime) {
        return new InstallationProject(id, customerId, customerName, site, productModel, quantity, plannedStart,
                salesContact, ticketId, workOrderId, notes, nextState, noticeDays, lateNotice, team, review,
                nextProblems, createdBy, createdAt, started, startedTime, completed, completedTime, version + 1);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String trimmed(String text) {
        return blank(text) ? null : text.trim();
    }

    /** SEC-04: no customer name or site in logs. */
    @Override
    public String toString() {
        return "InstallationProject[id=" + id + ", state=" + state + ", plannedStart=" + plannedStart + ", version="
                + version + "]";
    }
}
