package com.opensvc.aftersales.quality.improvement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.data.Timestamps;
import com.opensvc.aftersales.messaging.OutboxWriter;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

/**
 * Improvement reports, their actions, verifications and history, and in the same transaction the events their
 * changes publish (EVT-01). History, actions and verifications are only ever inserted (append-only in the database).
 */
@Repository
@RequiredArgsConstructor
public class ImprovementReportRepository {
    private static final String INSERT = """
            INSERT INTO improvement_report (id, origin, ticket_id, ticket_number, alert_id, product_model, serial_number,
                channel, state, problem, affected_quantity, opened_by, opened_at, version)
            VALUES (:id, :origin, :ticket, :ticketNumber, :alert, :model, :serial, :channel, :state, :problem, :quantity,
                :openedBy, :openedAt, :version)
            """;

    private final JdbcClient jdbc;
    private final OutboxWriter outbox;

    /** INT-05: one report per ticket. @return false (and nothing written) when the ticket already has its report */
    boolean insertIfAbsent(ImprovementReportChange opened) {
        boolean inserted = insert(opened.report(), " ON CONFLICT (ticket_id) WHERE ticket_id IS NOT NULL DO NOTHING");
        if (inserted) {
            appendRest(opened);
        }
        return inserted;
    }

    /** QLT-05: one report per alert. @return false (and nothing written) when the alert already has its report */
    boolean insertIfAlertHasNone(ImprovementReportChange opened) {
        boolean inserted = insert(opened.report(), " ON CONFLICT (alert_id) WHERE alert_id IS NOT NULL DO NOTHING");
        if (inserted) {
            appendRest(opened);
        }
        return inserted;
    }

    public Optional<UUID> reportOfAlert(UUID alertId) {
        return jdbc.sql("SELECT id FROM improvement_report WHERE alert_id = :alert").param("alert", alertId)
                .query(UUID.class).optional();
    }

    /** QLT-05: an action recorded done. @return false (and nothing written) when it was recorded done already */
    boolean insertCompletion(ActionCompletion c) {
        return jdbc.sql("""
                INSERT INTO improvement_action_completion (report_id, round, kind, position, note, completed_by,
                    completed_at)
                VALUES (:id, :round, :kind, :position, :note, :by, :at)
                ON CONFLICT DO NOTHING
                """)
                .param("id", c.reportId()).param("round", c.round()).param("kind", c.kind().name())
                .param("position", c.position()).param("note", c.note()).param("by", c.completedBy())
                .param("at", Timestamps.utc(c.completedAt())).update() == 1;
    }

    /**
     * QLT-05: the actions of the current round of reports in ACTIONS_ASSIGNED (not awaiting a new round) that are not
     * recorded done; with {@code overdueOnly} only those due before {@code today}, with {@code owner} only that owner's. Oldest
     * due date first.
     */
    public PageOf<OpenAction> openActions(LocalDate today, boolean overdueOnly, String owner, Paging paging) {
        String from = """
                 FROM improvement_action a
                 JOIN improvement_report r ON r.id = a.report_id AND r.action_round = a.round
                WHERE r.state = 'ACTIONS_ASSIGNED' AND NOT r.new_actions_needed
                  AND (NOT CAST(:overdueOnly AS boolean) OR a.due_date < :today)
                  AND (CAST(:owner AS text) IS NULL OR a.owner = :owner)
                  AND NOT EXISTS (SELECT 1 FROM improvement_action_completion c
                                   WHERE c.report_id = a.report_id AND c.round = a.round AND c.kind = a.kind
                                     AND c.position = a.position)
                """;
        long total = jdbc.sql("SELECT count(*)" + from).param("overdueOnly", overdueOnly).param("today", today)
                .param("owner", owner).query(Long.class).single();
        List<OpenAction> rows = jdbc.sql("SELECT a.*, r.product_model" + from
                        + " ORDER BY a.due_date, a.report_id, a.kind, a.position LIMIT :limit OFFSET :offset")
                .param("overdueOnly", overdueOnly).param("today", today).param("owner", owner)
                .param("limit", paging.size()).param("offset", paging.offset())
                .query((rs, row) -> {
                    LocalDate due = rs.getObject("due_date", LocalDate.class);
                    long late = Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(due, today));
                    return new OpenAction(rs.getObject("report_id", UUID.class), rs.getString("product_model"),
                            rs.getInt("round"), ActionKind.valueOf(rs.getString("kind")), rs.getInt("position"),
                            rs.getString("description"), rs.getString("owner"), due, late, due.isBefore(today));
                })
                .list();
        return paging.of(rows, total);
    }

    /** Writes the report (inserted when just opened), what the change added, its history line and its events. */
    void save(ImprovementReportChange change) {
        ImprovementReport r = change.report();
        if (change.created()) {
            insert(r, "");
        } else {
            RootCause cause = r.rootCause();
            jdbc.sql("""
                    UPDATE improvement_report SET state = :state, problem = :problem, affected_quantity = :quantity,
                        temporary_countermeasures = :countermeasures, root_cause_department = :department,
                        root_cause_process = :process, root_cause_description = :causeDescription,
                        analysed_by = :analysedBy, analysed_at = :analysedAt, action_round = :round,
                        new_actions_needed = :newActionsNeeded, issued_by = :issuedBy, issued_at = :issuedAt,
                        verified_by = :verifiedBy, verified_at = :verifiedAt, closed_by = :closedBy,
                        closed_at = :closedAt, version = :version
                     WHERE id = :id
                    """)
                    .param("id", r.id()).param("state", r.state().name()).param("problem", r.problem())
                    .param("quantity", r.affectedQuantity()).param("countermeasures", r.temporaryCountermeasures())
                    .param("department", cause == null || cause.department() == null ? null : cause.department().name())
                    .param("process", cause == null ? null : cause.process())
                    .param("causeDescription", cause == null ? null : cause.description())
                    .param("analysedBy", r.analysedBy()).param("analysedAt", Timestamps.utc(r.analysedAt()))
                    .param("round", r.actionRound()).param("newActionsNeeded", r.newActionsNeeded())
                    .param("issuedBy", r.issuedBy()).param("issuedAt", Timestamps.utc(r.issuedAt()))
                    .param("verifiedBy", r.verifiedBy()).param("verifiedAt", Timestamps.utc(r.verifiedAt()))
                    .param("closedBy", r.closedBy()).param("closedAt", Timestamps.utc(r.closedAt()))
                    .param("version", r.version()).update();
        }
        appendRest(change);
    }

    private boolean insert(ImprovementReport r, String onConflict) {
        return jdbc.sql(INSERT + onConflict)
                .param("id", r.id()).param("origin", r.origin().name()).param("ticket", r.ticketId())
                .param("ticketNumber", r.ticketNumber()).param("alert", r.alertId()).param("model", r.productModel())
                .param("serial", r.serialNumber()).param("channel", r.channel()).param("state", r.state().name())
                .param("problem", r.problem()).param("quantity", r.affectedQuantity()).param("openedBy", r.openedBy())
                .param("openedAt", Timestamps.utc(r.openedAt())).param("version", r.version()).update() == 1;
    }

    private void appendRest(ImprovementReportChange change) {
        UUID id = change.report().id();
        for (ImprovementAction a : change.addedActions()) {
            jdbc.sql("""
                    INSERT INTO improvement_action (report_id, round, kind, position, description, owner, due_date,
                        assigned_by, assigned_at)
                    VALUES (:id, :round, :kind, :position, :description, :owner, :due, :by, :at)
                    """)
                    .param("id", id).param("round", a.round()).param("kind", a.kind().name())
                    .param("position", a.position()).param("description", a.description()).param("owner", a.owner())
                    .param("due", a.dueDate()).param("by", a.assignedBy()).param("at", Timestamps.utc(a.assignedAt()))
                    .update();
        }
        ImprovementVerification v = change.addedVerification();
        if (v != null) {
            jdbc.sql("""
                    INSERT INTO improvement_verification (report_id, round, effective, result, evidence, verified_by,
                        verified_at)
                    VALUES (:id, :round, :effective, :result, :evidence, :by, :at)
                    """)
                    .param("id", id).param("round", v.round()).param("effective", v.effective())
                    .param("result", v.result()).param("evidence", v.evidence()).param("by", v.verifiedBy()).param("at", Timestamps.utc(v.verifiedAt()))
                    .update();
        }
        ImprovementReportHistory h = change.history();
        jdbc.sql("""
                INSERT INTO improvement_report_history (report_id, at, actor, action, from_state, to_state, detail)
                VALUES (:id, :at, :actor, :action, :from, :to, :detail)
                """)
                .param("id", id).param("at", Timestamps.utc(h.at())).param("actor", h.actor())
                .param("action", h.action()).param("from", h.fromState() == null ? null : h.fromState().name())
                .param("to", h.toState().name()).param("detail", h.detail()).update();
        outbox.appendAll(change.events());
    }

    public Optional<ImprovementReport> findForUpdate(UUID id) {
        return jdbc.sql("SELECT * FROM improvement_report WHERE id = :id FOR UPDATE").param("id", id)
                .query(this::map).optional().map(this::withChildren);
    }

    public Optional<ImprovementReport> find(UUID id) {
        return jdbc.sql("SELECT * FROM improvement_report WHERE id = :id").param("id", id)
                .query(this::map).optional().map(this::withChildren);
    }

    public boolean ticketHasReport(UUID ticketId) {
        return jdbc.sql("SELECT count(*) FROM improvement_report WHERE ticket_id = :ticket").param("ticket", ticketId)
                .query(Long.class).single() > 0;
    }

    public List<ImprovementReportHistory> history(UUID id) {
        return jdbc.sql("SELECT * FROM improvement_report_history WHERE report_id = :id ORDER BY id")
                .param("id", id)
                .query((rs, row) -> new ImprovementReportHistory(Timestamps.instant(rs, "at"), rs.getString("actor"),
                        rs.getString("action"), state(rs.getString("from_state")), state(rs.getString("to_state")),
                        rs.getString("detail")))
                .list();
    }

    public PageOf<ImprovementReport> search(ImprovementReportState state, UUID ticketId, Paging paging) {
        String where = """
                 WHERE (CAST(:state AS text) IS NULL OR state = :state)
                   AND (CAST(:ticket AS uuid) IS NULL OR ticket_id = :ticket)
                """;
        String stateName = state == null ? null : state.name();
        long total = jdbc.sql("SELECT count(*) FROM improvement_report" + where)
                .param("state", stateName).param("ticket", ticketId).query(Long.class).single();
        List<ImprovementReport> reports = jdbc.sql("SELECT * FROM improvement_report" + where
                        + " ORDER BY opened_at DESC, id LIMIT :limit OFFSET :offset")
                .param("state", stateName).param("ticket", ticketId).param("limit", paging.size())
                .param("offset", paging.offset()).query(this::map).list();
        return paging.of(withChildren(reports), total);
    }

    private ImprovementReport withChildren(ImprovementReport report) {
        return withChildren(List.of(report)).get(0);
    }

    private List<ImprovementReport> withChildren(List<ImprovementReport> reports) {
        if (reports.isEmpty()) {
            return reports;
        }
        List<UUID> ids = reports.stream().map(ImprovementReport::id).toList();
        Map<UUID, List<ImprovementAction>> actions = new HashMap<>();
        jdbc.sql("SELECT * FROM improvement_action WHERE report_id IN (:ids) ORDER BY round, kind, position")
                .param("ids", ids)
                .query((RowCallbackHandler) rs -> actions
                        .computeIfAbsent(rs.getObject("report_id", UUID.class), k -> new ArrayList<>())
                        .add(new ImprovementAction(rs.getInt("round"), ActionKind.valueOf(rs.getString("kind")),
                                rs.getInt("position"), rs.getString("description"), rs.getString("owner"),
                                rs.getObject("due_date", LocalDate.class), rs.getString("assigned_by"),
                                Timestamps.instant(rs, "assigned_at"))));
        Map<UUID, List<ImprovementVerification>> verifications = new HashMap<>();
        jdbc.sql("SELECT * FROM improvement_verification WHERE report_id IN (:ids) ORDER BY round")
                .param("ids", ids)
                .query((RowCallbackHandler) rs -> verifications
                        .computeIfAbsent(rs.getObject("report_id", UUID.class), k -> new ArrayList<>())
                        .add(new ImprovementVerification(rs.getInt("round"), rs.getBoolean("effective"),
                                rs.getString("result"), rs.getString("evidence"), rs.getString("verified_by"),
                                Timestamps.instant(rs, "verified_at"))));
        Map<UUID, List<ActionCompletion>> completions = new HashMap<>();
        jdbc.sql("SELECT * FROM improvement_action_completion WHERE report_id IN (:ids) ORDER BY round, kind, position")
                .param("ids", ids)
                .query((RowCallbackHandler) rs -> completions
                        .computeIfAbsent(rs.getObject("report_id", UUID.class), k -> new ArrayList<>())
                        .add(new ActionCompletion(rs.getObject("report_id", UUID.class), rs.getInt("round"),
                                ActionKind.valueOf(rs.getString("kind")), rs.getInt("position"), rs.getString("note"),
                                rs.getString("completed_by"), Timestamps.instant(rs, "completed_at"))));
        return reports.stream().map(r -> r.toBuilder().actions(actions.getOrDefault(r.id(), List.of()))
                .verifications(verifications.getOrDefault(r.id(), List.of()))
                .completions(completions.getOrDefault(r.id(), List.of())).build()).toList();
    }

    private ImprovementReport map(ResultSet rs, int row) throws SQLException {
        String department = rs.getString("root_cause_department");
        String causeDescription = rs.getString("root_cause_description");
        RootCause cause = causeDescription == null ? null : new RootCause(
                department == null ? null : Department.valueOf(department), rs.getString("root_cause_process"),
                causeDescription);
        return ImprovementReport.builder().id(rs.getObject("id", UUID.class))
                .origin(ReportOrigin.valueOf(rs.getString("origin"))).ticketId(rs.getObject("ticket_id", UUID.class))
                .ticketNumber(rs.getString("ticket_number")).alertId(rs.getObject("alert_id", UUID.class))
                .productModel(rs.getString("product_model")).serialNumber(rs.getString("serial_number"))
                .channel(rs.getString("channel")).state(ImprovementReportState.valueOf(rs.getString("state")))
                .problem(rs.getString("problem")).affectedQuantity((Integer) rs.getObject("affected_quantity"))
                .temporaryCountermeasures(rs.getString("temporary_countermeasures")).rootCause(cause)
                .analysedBy(rs.getString("analysed_by")).analysedAt(Timestamps.instant(rs, "analysed_at"))
                .actionRound(rs.getInt("action_round")).newActionsNeeded(rs.getBoolean("new_actions_needed"))
                .issuedBy(rs.getString("issued_by")).issuedAt(Timestamps.instant(rs, "issued_at"))
                .verifiedBy(rs.getString("verified_by")).verifiedAt(Timestamps.instant(rs, "verified_at"))
                .closedBy(rs.getString("closed_by")).closedAt(Timestamps.instant(rs, "closed_at"))
                .openedBy(rs.getString("opened_by")).openedAt(Timestamps.instant(rs, "opened_at"))
                .version(rs.getInt("version")).build();
    }

    private static ImprovementReportState state(String name) {
        return name == null ? null : ImprovementReportState.valueOf(name);
    }
}
