package com.opensvc.aftersales.dispatch.installation;

import static com.opensvc.aftersales.data.Timestamps.instant;
import static com.opensvc.aftersales.data.Timestamps.utc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.dispatch.installation.InstallationProject.Category;
import com.opensvc.aftersales.dispatch.installation.InstallationProject.Confirmation;
import com.opensvc.aftersales.dispatch.installation.InstallationProject.EntryItem;
import com.opensvc.aftersales.dispatch.installation.InstallationProject.EntryReview;
import com.opensvc.aftersales.dispatch.installation.InstallationProject.ItemStatus;
import com.opensvc.aftersales.dispatch.installation.InstallationProject.LateNotice;
import com.opensvc.aftersales.dispatch.installation.InstallationProject.Problem;
import com.opensvc.aftersales.dispatch.installation.InstallationProject.ProblemState;
import com.opensvc.aftersales.dispatch.installation.InstallationProject.Severity;
import com.opensvc.aftersales.dispatch.installation.InstallationProject.SignerRole;
import com.opensvc.aftersales.messaging.OutboxWriter;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

/** The only SQL that writes installation projects, their entry review and their problems (DSP-11). */
@Repository
@RequiredArgsConstructor
class InstallationRepository {
    private final JdbcClient jdbc;
    private final OutboxWriter outbox;

    /** Writes a change in the caller's transaction: project row, checked item and its line, problem, outbox rows. */
    void save(InstallationChange change) {
        InstallationProject p = change.project();
        if (change.opens()) {
            insert(p);
        } else {
            update(p);
        }
        if (change.item() != null) {
            EntryItem i = change.item();
            jdbc.sql("""
                    UPDATE installation_entry_item SET status = :status, note = :note, checked_by = :by,
                           checked_at = :at, rechecks = :rechecks
                     WHERE project_id = :project AND item = :item
                    """).param("project", p.id()).param("item", i.item()).param("status", i.status().name())
                    .param("note", i.note()).param("by", i.checkedBy()).param("at", utc(i.checkedAt()))
                    .param("rechecks", i.rechecks()).update();
        }
        if (change.check() != null) {
            var line = change.check();
            jdbc.sql("""
                    INSERT INTO installation_entry_check (project_id, item, action, status, note, actor, at)
                    VALUES (:project, :item, :action, :status, :note, :actor, :at)
                    """).param("project", p.id()).param("item", line.item()).param("action", line.action())
                    .param("status", line.status().name()).param("note", line.note()).param("actor", line.actor())
                    .param("at", utc(line.at())).update();
        }
        if (change.problem() != null) {
            saveProblem(p.id(), change.problem(), change.signature());
        }
        outbox.appendAll(change.events());
    }

    Optional<InstallationProject> find(UUID id) {
        return jdbc.sql("SELECT * FROM installation_project WHERE id = :id").param("id", id).query(this::map)
                .optional();
    }

    Optional<InstallationProject> findForUpdate(UUID id) {
        return jdbc.sql("SELECT * FROM installation_project WHERE id = :id FOR UPDATE").param("id", id)
                .query(this::map).optional();
    }

    Optional<InstallationProject> findByWorkOrder(UUID workOrderId) {
        return jdbc.sql("SELECT * FROM installation_project WHERE work_order_id = :id").param("id", workOrderId)
                .query(this::map).optional();
    }

    /**
     * Projects by planned start; {@code technician} limits them to the projects the technician works on (named on the
     * team, or the technician of the project's work order: a read-model join, DESIGN.md §3).
     */
    PageOf<InstallationProject> search(ProjectState state, String technician, Paging paging) {
        String where = """
                 WHERE (CAST(:state AS text) IS NULL OR state = :state)
                   AND (CAST(:tech AS text) IS NULL OR :tech = ANY (technicians)
                        OR work_order_id IN (SELECT id FROM work_order WHERE technician = :tech))
                """;
        String stateName = state == null ? null : state.name();
        List<InstallationProject> items = jdbc.sql("SELECT * FROM installation_project" + where
                        + " ORDER BY planned_start, created_at, id LIMIT :limit OFFSET :offset")
                .param("state", stateName).param("tech", technician).param("limit", paging.size())
                .param("offset", paging.offset()).query(this::map).list();
        long total = jdbc.sql("SELECT count(*) FROM installation_project" + where).param("state", stateName)
                .param("tech", technician).query(Long.class).single();
        return paging.of(items, total);
    }

    private void insert(InstallationProject p) {
        jdbc.sql("""
                INSERT INTO installation_project (id, customer_id, customer_name, site, product_model, quantity,
                    planned_start, sales_contact, ticket_id, work_order_id, notes, state, notice_days,
                    late_notice_reason, late_notice_by, technicians, created_by, created_at, version)
                VALUES (:id, :customer, :customerName, :site, :model, :quantity, :start, :sales, :ticket, :workOrder,
                    :notes, :state, :noticeDays, :lateReason, :lateBy, CAST(:team AS text[]), :by, :at, :version)
                """).param("id", p.id()).param("customer", p.customerId()).param("customerName", p.customerName())
                .param("site", p.site()).param("model", p.productModel()).param("quantity", p.quantity())
                .param("start", p.plannedStart()).param("sales", p.salesContact()).param("ticket", p.ticketId())
                .param("workOrder", p.workOrderId()).param("notes", p.notes()).param("state", p.state().name())
                .param("noticeDays", p.noticeDays())
                .param("lateReason", p.lateNotice() == null ? null : p.lateNotice().reason())
                .param("lateBy", p.lateNotice() == null ? null : p.lateNotice().acceptedBy())
                .param("team", p.technicians().toArray(String[]::new)).param("by", p.createdBy())
                .param("at", utc(p.createdAt())).param("version", p.version()).update();
        for (EntryItem i : p.entryReview().items()) {
            jdbc.sql("""
                    INSERT INTO installation_entry_item (project_id, item, position, status)
                    VALUES (:project, :item, :position, :status)
                    """).param("project", p.id()).param("item", i.item()).param("position", i.position())
                    .param("status", i.status().name()).update();
        }
    }

    /** The columns a transition changes; the row is locked ({@link #findForUpdate}). */
    private void update(InstallationProject p) {
        jdbc.sql("""
                UPDATE installation_project
                   SET state = :state, technicians = CAST(:team AS text[]), started_by = :startedBy,
                       started_at = :startedAt, completed_by = :completedBy, completed_at = :completedAt,
                       version = :version
                 WHERE id = :id
                """).param("id", p.id()).param("state", p.state().name())
                .param("team", p.technicians().toArray(String[]::new)).param("startedBy", p.startedBy())
                .param("startedAt", utc(p.startedAt())).param("completedBy", p.completedBy())
                .param("completedAt", utc(p.completedAt())).param("version", p.version()).update();
    }

    private void saveProblem(UUID projectId, Problem pr, InstallationChange.SignatureData signature) {
        jdbc.sql("""
                INSERT INTO installation_problem (id, project_id, description, category, severity, state, recorded_by,
                    recorded_at, signed_by, signer_role, confirmation, signature_png, confirmation_code,
                    signed_at, resolution, closed_by, closed_at)
                VALUES (:id, :project, :description, :category, :severity, :state, :recordedBy, :recordedAt,
                    :signedBy, :signerRole, :confirmation, :png, :code, :signedAt, :resolution,
                    :closedBy, :closedAt)
                ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state, signed_by = EXCLUDED.signed_by,
                    signer_role = EXCLUDED.signer_role, confirmation = EXCLUDED.confirmation,
                    signature_png = COALESCE(EXCLUDED.signature_png, installation_problem.signature_png),
                    confirmation_code = COALESCE(EXCLUDED.confirmation_code, installation_problem.confirmation_code),
                    signed_at = EXCLUDED.signed_at, resolution = EXCLUDED.resolution,
                    closed_by = EXCLUDED.closed_by, closed_at = EXCLUDED.closed_at
                """).param("id", pr.id()).param("project", projectId).param("description", pr.description())
                .param("category", pr.category().name()).param("severity", pr.severity().name())
                .param("state", pr.state().name()).param("recordedBy", pr.recordedBy())
                .param("recordedAt", utc(pr.recordedAt())).param("signedBy", pr.signedBy())
                .param("signerRole", pr.signerRole() == null ? null : pr.signerRole().name())
                .param("confirmation", pr.confirmation() == null ? null : pr.confirmation().name())
                .param("png", signature == null ? null : signature.png())
                .param("code", signature == null ? null : signature.code())
                .param("signedAt", utc(pr.signedAt())).param("resolution", pr.resolution())
                .param("closedBy", pr.closedBy()).param("closedAt", utc(pr.closedAt())).update();
    }

    private InstallationProject map(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String lateReason = rs.getString("late_notice_reason");
        return new InstallationProject(id, rs.getObject("customer_id", UUID.class), rs.getString("customer_name"),
                rs.getString("site"), rs.getString("product_model"), rs.getInt("quantity"),
                rs.getObject("planned_start", LocalDate.class), rs.getString("sales_contact"),
                rs.getObject("ticket_id", UUID.class), rs.getObject("work_order_id", UUID.class),
                rs.getString("notes"), ProjectState.valueOf(rs.getString("state")), rs.getInt("notice_days"),
                lateReason == null ? null : new LateNotice(lateReason, rs.getString("late_notice_by")),
                strings(rs.getArray("technicians")), EntryReview.of(items(id)), problems(id),
                rs.getString("created_by"), instant(rs, "created_at"), rs.getString("started_by"),
                instant(rs, "started_at"), rs.getString("completed_by"), instant(rs, "completed_at"),
                rs.getInt("version"));
    }

    private List<EntryItem> items(UUID projectId) {
        return jdbc.sql("SELECT * FROM installation_entry_item WHERE project_id = :id ORDER BY position")
                .param("id", projectId)
                .query((rs, n) -> new EntryItem(rs.getString("item"), rs.getInt("position"),
                        ItemStatus.valueOf(rs.getString("status")), rs.getString("note"), rs.getString("checked_by"),
                        instant(rs, "checked_at"), rs.getInt("rechecks"))).list();
    }

    private List<Problem> problems(UUID projectId) {
        return jdbc.sql("SELECT * FROM installation_problem WHERE project_id = :id ORDER BY recorded_at, id")
                .param("id", projectId)
                .query((rs, n) -> new Problem(rs.getObject("id", UUID.class), rs.getString("description"),
                        Category.valueOf(rs.getString("category")), Severity.valueOf(rs.getString("severity")),
                        ProblemState.valueOf(rs.getString("state")), rs.getString("recorded_by"),
                        instant(rs, "recorded_at"), rs.getString("signed_by"),
                        enumOrNull(SignerRole.class, rs.getString("signer_role")),
                        enumOrNull(Confirmation.class, rs.getString("confirmation")), instant(rs, "signed_at"),
                        rs.getString("resolution"), rs.getString("closed_by"), instant(rs, "closed_at"))).list();
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
