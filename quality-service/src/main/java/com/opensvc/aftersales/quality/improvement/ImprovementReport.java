package com.opensvc.aftersales.quality.improvement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import com.opensvc.aftersales.quality.improvement.ImprovementReportEvent.ImprovementReportIssued;
import com.opensvc.aftersales.web.ForbiddenException;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.NotFoundException;
import com.opensvc.aftersales.web.StateConflictException;

/**
 * A quality improvement report (QLT-05) and its transitions, each returning the {@link ImprovementReportChange} it
 * causes: opened for a ticket quality must report on (INT-05) or by hand for an alert; analysed (problem, affected
 * quantity, temporary countermeasures, root cause); actions assigned, which issues it ({@code ImprovementReportIssued},
 * so intake can answer the customer and close the ticket); verified (an ineffective verification asks for a new round
 * of actions, and only once every action of the round is recorded done); closed. Photos and other files of the problem
 * are attachments ({@link #requireAttachable}); actions are recorded done one by one ({@link #complete}).
 */
public record ImprovementReport(UUID id, ReportOrigin origin, UUID ticketId, String ticketNumber, UUID alertId,
                                String productModel, String serialNumber, String channel, ImprovementReportState state,
                                String problem, Integer affectedQuantity, String temporaryCountermeasures,
                                RootCause rootCause, String analysedBy, Instant analysedAt, int actionRound,
                                boolean newActionsNeeded, List<ImprovementAction> actions,
                                List<ImprovementVerification> verifications, List<ActionCompletion> completions,
                                String issuedBy, Instant issuedAt,
                                String verifiedBy, Instant verifiedAt, String closedBy, Instant closedAt,
                                String openedBy, Instant openedAt, int version) {
    /** Due dates further ahead are refused (and keep far-off dates away from the database). */
    static final int MAX_YEARS_AHEAD = 10;

    /** INT-05: the report of a ticket quality must report on, from intake's acceptance (or finished complaint). */
    static ImprovementReportChange openForTicket(UUID ticketId, String ticketNumber, String productModel,
                                                 String serialNumber, String channel, ReportOrigin origin,
                                                 String actor, Instant now) {
        ImprovementReport report = builder().id(UUID.randomUUID()).origin(origin).ticketId(ticketId)
                .ticketNumber(ticketNumber).productModel(productModel).serialNumber(serialNumber).channel(channel)
                .state(ImprovementReportState.OPEN).openedBy(actor).openedAt(now).build();
        return opened(report, "for ticket " + ticketNumber + " (" + origin + ")");
    }

    /** QLT-05: a report opened by quality for an alert (or none), with the problem as first known. */
    static ImprovementReportChange openByHand(UUID id, OpenReportRequest request, String actor, Instant now) {
        ImprovementReport report = builder().id(id).origin(ReportOrigin.MANUAL).alertId(request.alertId())
                .productModel(request.productModel().strip()).problem(request.problem().strip())
                .affectedQuantity(request.affectedQuantity().intValueExact()).state(ImprovementReportState.OPEN)
                .openedBy(actor).openedAt(now).build();
        return opened(report, request.alertId() == null ? "by hand" : "for alert " + request.alertId());
    }

    /** QLT-05, QLT-06: the report of a quality alert, opened from the alert (one per alert). */
    static ImprovementReportChange openForAlert(UUID id, UUID alertId, String productModel, String problem,
                                                int affectedQuantity, String actor, Instant now) {
        ImprovementReport report = builder().id(id).origin(ReportOrigin.ALERT).alertId(alertId)
                .productModel(productModel.strip()).problem(problem.strip()).affectedQuantity(affectedQuantity)
                .state(ImprovementReportState.OPEN).openedBy(actor).openedAt(now).build();
        return opened(report, "for alert " + alertId);
    }

    private static ImprovementReportChange opened(ImprovementReport report, String detail) {
        return new ImprovementReportChange(report, true, List.of(), null, new ImprovementReportHistory(report.openedAt,
                report.openedBy, "OPENED", null, ImprovementReportState.OPEN, detail), List.of());
    }

    /** OPEN → ANALYSED: the problem, the affected quantity, the temporary countermeasures and the root cause. */
    ImprovementReportChange analyse(AnalysisRequest analysis, String actor, Instant now) {
        ImprovementReportState next = state.requireTransitionTo(ImprovementReportState.ANALYSED,
                "record an analysis (only an OPEN report is analysed)");
        RootCause cause = analysis.rootCause();
        ImprovementReport analysed = toBuilder().state(next).problem(analysis.problem().strip())
                .affectedQuantity(analysis.affectedQuantity().intValueExact())
                .temporaryCountermeasures(analysis.temporaryCountermeasures().strip())
                .rootCause(new RootCause(cause.department(), blankToNull(cause.process()), cause.description().strip()))
                .analysedBy(actor).analysedAt(now).version(version + 1).build();
        return change(analysed, List.of(), null, "ANALYSED", actor, now, "root cause " + analysed.rootCause.describe());
    }

    /**
     * ANALYSED → ACTIONS_ASSIGNED, which issues the report (published once); or, after an ineffective verification, the
     * next round of actions (nothing published again). Due dates are not in the past (as of {@code today}).
     */
    ImprovementReportChange assignActions(ActionPlanRequest plan, LocalDate today, String actor, Instant now) {
        boolean nextRound = state == ImprovementReportState.ACTIONS_ASSIGNED;
        if (nextRound && !newActionsNeeded) {
            throw new StateConflictException("improvement report", state.name(),
                    "assign actions: the assigned actions are not verified yet (new actions follow an ineffective verification)");
        }
        ImprovementReportState next = state.requireTransitionTo(ImprovementReportState.ACTIONS_ASSIGNED,
                "assign actions (only an ANALYSED report, or one whose actions proved ineffective)");
        requireDueDates(plan, today);
        int round = actionRound + 1;
        List<ImprovementAction> added = new ArrayList<>();
        addActions(added, round, ActionKind.CORRECTIVE, plan.corrective(), actor, now);
        addActions(added, round, ActionKind.PREVENTIVE, plan.preventive(), actor, now);
        List<ImprovementAction> all = new ArrayList<>(actions);
        all.addAll(added);
        boolean issuing = issuedAt == null;
        ImprovementReport assigned = toBuilder().state(next).actionRound(round).newActionsNeeded(false).actions(all)
                .issuedBy(issuing ? actor : issuedBy).issuedAt(issuing ? now : issuedAt).version(version + 1).build();
        String detail = "round " + round + ": " + plan.corrective().size() + " corrective, " + plan.preventive().size()
                + " preventive" + (issuing ? "; report issued" : "");
        List<ImprovementReportEvent> events = issuing
                ? List.of(new ImprovementReportIssued(id, ticketId, alertId, assigned.summary(), rootCause.describe(),
                actor, now))
                : List.of();
        return new ImprovementReportChange(assigned, false, added, null, new ImprovementReportHistory(now, actor,
                "ACTIONS_ASSIGNED", state, next, detail), events);
    }

    /**
     * ACTIONS_ASSIGNED → VERIFIED when the actions proved effective; when not, the report stays ACTIONS_ASSIGNED and
     * needs a new round of actions. Four eyes: the analyst does not verify (403).
     */
    ImprovementReportChange verify(VerificationRequest verification, String actor, Instant now) {
        if (state == ImprovementReportState.ACTIONS_ASSIGNED && newActionsNeeded) {
            throw new StateConflictException("improvement report", state.name(),
                    "record a verification: the last one was ineffective and new actions must be assigned first");
        }
        boolean effective = verification.effective();
        ImprovementReportState next = state.requireTransitionTo(effective ? ImprovementReportState.VERIFIED
                : ImprovementReportState.ACTIONS_ASSIGNED, "record a verification (only of assigned actions)");
        if (actor.equals(analysedBy)) {
            throw new ForbiddenException("four eyes: " + actor + " recorded the analysis of improvement report " + id
                    + " and cannot also verify it");
        }
        long open = currentActions().stream().filter(a -> completionOf(a) == null).count();
        if (open > 0) {
            throw new StateConflictException("improvement report", state.name(), "record a verification: " + open
                    + " action(s) of round " + actionRound + " are not recorded done yet");
        }
        ImprovementVerification verified = new ImprovementVerification(actionRound, effective,
                verification.result().strip(), verification.evidence().strip(), actor, now);
        List<ImprovementVerification> all = new ArrayList<>(verifications);
        all.add(verified);
        Builder builder = toBuilder().state(next).verifications(all).version(version + 1);
        ImprovementReport after = effective ? builder.verifiedBy(actor).verifiedAt(now).build()
                : builder.newActionsNeeded(true).build();
        return change(after, List.of(), verified, effective ? "VERIFIED" : "VERIFIED_INEFFECTIVE", actor, now,
                "round " + actionRound + (effective ? ": effective" : ": not effective, new actions needed"));
    }

    /**
     * QLT-05: an action of the current round recorded done, once, by its owner or by quality ({@code asQuality}); only
     * while the report is ACTIONS_ASSIGNED and the round awaits its verification.
     *
     * @throws NotFoundException      no such action on the report
     * @throws StateConflictException not the current round, already done, or the report is not ACTIONS_ASSIGNED
     * @throws ForbiddenException     neither the owner nor quality
     */
    ActionCompletion complete(int round, ActionKind kind, int position, String note, String actor, boolean asQuality,
                              Instant now) {
        ImprovementAction action = actions.stream()
                .filter(a -> a.round() == round && a.kind() == kind && a.position() == position).findFirst()
                .orElseThrow(() -> new NotFoundException("improvement report " + id + " has no " + kind + " action "
                        + position + " in round " + round));
        String which = kind + " action " + position + " of round " + round;
        if (state != ImprovementReportState.ACTIONS_ASSIGNED) {
            throw new StateConflictException("improvement report", state.name(), "record " + which
                    + " done (only while actions are assigned)");
        }
        if (round != actionRound || newActionsNeeded) {
            throw new StateConflictException("improvement report", state.name(), "record " + which + " done: "
                    + (round != actionRound ? "round " + actionRound + " is the current one"
                    : "round " + round + " was verified ineffective and new actions are needed"));
        }
        if (!asQuality && !actor.equals(action.owner())) {
            throw new ForbiddenException(actor + " does not own " + which + " of improvement report " + id);
        }
        ActionCompletion earlier = completionOf(action);
        if (earlier != null) {
            throw new StateConflictException("improvement report", state.name(), "record " + which
                    + " done: it was recorded done by " + earlier.completedBy() + " at " + earlier.completedAt());
        }
        return new ActionCompletion(id, round, kind, position, note.strip(), actor, now);
    }

    /** QLT-05: a photo or other file can be added while the report is not CLOSED and holds fewer than {@code max}. */
    void requireAttachable(long attached, int max) {
        if (state == ImprovementReportState.CLOSED) {
            throw new StateConflictException("improvement report", state.name(), "add an attachment to a closed report");
        }
        if (attached >= max) {
            throw new StateConflictException("improvement report", state.name(), "add an attachment: it has "
                    + attached + " (at most " + max + ")");
        }
    }

    private List<ImprovementAction> currentActions() {
        return actions.stream().filter(a -> a.round() == actionRound).toList();
    }

    private ActionCompletion completionOf(ImprovementAction action) {
        return completions.stream().filter(c -> c.completes(action)).findFirst().orElse(null);
    }

    /** VERIFIED → CLOSED. */
    ImprovementReportChange close(String actor, Instant now) {
        ImprovementReportState next = state.requireTransitionTo(ImprovementReportState.CLOSED,
                "be closed (only a VERIFIED report)");
        ImprovementReport closed = toBuilder().state(next).closedBy(actor).closedAt(now).version(version + 1).build();
        return change(closed, List.of(), null, "CLOSED", actor, now, null);
    }

    /** For answering the customer: the problem, the temporary countermeasures and the corrective actions. */
    String summary() {
        String corrective = actions.stream().filter(a -> a.round() == actionRound && a.kind() == ActionKind.CORRECTIVE)
                .map(ImprovementAction::description).collect(Collectors.joining("; "));
        return sentence(problem) + " Temporary countermeasures: " + sentence(temporaryCountermeasures)
                + " Corrective actions: " + sentence(corrective);
    }

    private static String sentence(String text) {
        return text.matches("(?s).*[.!?。]$") ? text : text + ".";
    }

    private ImprovementReportChange change(ImprovementReport after, List<ImprovementAction> added,
                                           ImprovementVerification verification, String action, String actor,
                                           Instant now, String detail) {
        return new ImprovementReportChange(after, false, added, verification, new ImprovementReportHistory(now, actor,
                action, state, after.state, detail), List.of());
    }

    private static void requireDueDates(ActionPlanRequest plan, LocalDate today) {
        List<InvalidFieldException.FieldError> errors = new ArrayList<>();
        dueDateErrors(errors, "corrective", plan.corrective(), today);
        dueDateErrors(errors, "preventive", plan.preventive(), today);
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
    }

    private static void dueDateErrors(List<InvalidFieldException.FieldError> errors, String list,
                                      List<ActionPlanRequest.PlannedAction> planned, LocalDate today) {
        for (int i = 0; i < planned.size(); i++) {
            LocalDate due = planned.get(i).dueDate();
            if (due.isBefore(today)) {
                errors.add(new InvalidFieldException.FieldError(list + "[" + i + "].dueDate",
                        "must not be in the past (today is " + today + ")"));
            } else if (due.isAfter(today.plusYears(MAX_YEARS_AHEAD))) {
                errors.add(new InvalidFieldException.FieldError(list + "[" + i + "].dueDate",
                        "must be within " + MAX_YEARS_AHEAD + " years"));
            }
        }
    }

    private static void addActions(List<ImprovementAction> into, int round, ActionKind kind,
                                   List<ActionPlanRequest.PlannedAction> planned, String actor, Instant now) {
        for (int i = 0; i < planned.size(); i++) {
            ActionPlanRequest.PlannedAction p = planned.get(i);
            into.add(new ImprovementAction(round, kind, i, p.description().strip(), p.owner().strip(), p.dueDate(),
                    actor, now));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().id(id).origin(origin).ticketId(ticketId).ticketNumber(ticketNumber).alertId(alertId)
                .productModel(productModel).serialNumber(serialNumber).channel(channel).state(state).problem(problem)
                .affectedQuantity(affectedQuantity).temporaryCountermeasures(temporaryCountermeasures)
                .rootCause(rootCause).analysedBy(analysedBy).analysedAt(analysedAt).actionRound(actionRound)
                .newActionsNeeded(newActionsNeeded).actions(actions).verifications(verifications).completions(completions)
                .issuedBy(issuedBy)
                .issuedAt(issuedAt).verifiedBy(verifiedBy).verifiedAt(verifiedAt).closedBy(closedBy)
                .closedAt(closedAt).openedBy(openedBy).openedAt(openedAt).version(version);
    }

    /** Builds a report by name (the row mapper, and each transition's next state). */
    public static final class Builder {
        private UUID id;
        private ReportOrigin origin;
        private UUID ticketId;
        private String ticketNumber;
        private UUID alertId;
        private String productModel;
        private String serialNumber;
        private String channel;
        private ImprovementReportState state;
        private String problem;
        private Integer affectedQuantity;
        private String temporaryCountermeasures;
        private RootCause rootCause;
        private String analysedBy;
        private Instant analysedAt;
        private int actionRound;
        private boolean newActionsNeeded;
        private List<ImprovementAction> actions = List.of();
        private List<ImprovementVerification> verifications = List.of();
        private List<ActionCompletion> completions = List.of();
        private String issuedBy;
        private Instant issuedAt;
        private String verifiedBy;
        private Instant verifiedAt;
        private String closedBy;
        private Instant closedAt;
        private String openedBy;
        private Instant openedAt;
        private int version;

        private Builder() {
        }

        public Builder id(UUID value) { id = value; return this; }
        public Builder origin(ReportOrigin value) { origin = value; return this; }
        public Builder ticketId(UUID value) { ticketId = value; return this; }
        public Builder ticketNumber(String value) { ticketNumber = value; return this; }
        public Builder alertId(UUID value) { alertId = value; return this; }
        public Builder productModel(String value) { productModel = value; return this; }
        public Builder serialNumber(String value) { serialNumber = value; return this; }
        public Builder channel(String value) { channel = value; return this; }
        public Builder state(ImprovementReportState value) { state = value; return this; }
        public Builder problem(String value) { problem = value; return this; }
        public Builder affectedQuantity(Integer value) { affectedQuantity = value; return this; }
        public Builder temporaryCountermeasures(String value) { temporaryCountermeasures = value; return this; }
        public Builder rootCause(RootCause value) { rootCause = value; return this; }
        public Builder analysedBy(String value) { analysedBy = value; return this; }
        public Builder analysedAt(Instant value) { analysedAt = value; return this; }
        public Builder actionRound(int value) { actionRound = value; return this; }
        public Builder newActionsNeeded(boolean value) { newActionsNeeded = value; return this; }
        public Builder actions(List<ImprovementAction> value) { actions = List.copyOf(value); return this; }
        public Builder verifications(List<ImprovementVerification> value) { verifications = List.copyOf(value); return this; }
        public Builder completions(List<ActionCompletion> value) { completions = List.copyOf(value); return this; }
        public Builder issuedBy(String value) { issuedBy = value; return this; }
        public Builder issuedAt(Instant value) { issuedAt = value; return this; }
        public Builder verifiedBy(String value) { verifiedBy = value; return this; }
        public Builder verifiedAt(Instant value) { verifiedAt = value; return this; }
        public Builder closedBy(String value) { closedBy = value; return this; }
        public Builder closedAt(Instant value) { closedAt = value; return this; }
        public Builder openedBy(String value) { openedBy = value; return this; }
        public Builder openedAt(Instant value) { openedAt = value; return this; }
        public Builder version(int value) { version = value; return this; }

        public ImprovementReport build() {
            return new ImprovementReport(id, origin, ticketId, ticketNumber, alertId, productModel, serialNumber,
                    channel, state, problem, affectedQuantity, temporaryCountermeasures, rootCause, analysedBy,
                    analysedAt, actionRound, newActionsNeeded, actions, verifications, completions, issuedBy, issuedAt,
                    verifiedBy, verifiedAt, closedBy, closedAt, openedBy, openedAt, version);
        }
    }
}
