package com.opensvc.aftersales.dispatch.technician;

import static com.opensvc.aftersales.data.Timestamps.instant;
import static com.opensvc.aftersales.data.Timestamps.utc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

@Repository
@RequiredArgsConstructor
class TechnicianRepository {
    /**
     * DSP-02's load of technician {@code t}: open orders, and today's assignments closed since (the daily capacity's
     * count, {@link TechnicianProposal#loadToday}); {@code :dayStart} is the start of today in the company's zone.
     */
    private static final String LOAD = """
            SELECT t.login, t.product_lines, t.regions, t.working_status, t.retired_at, t.daily_capacity,
                   t.last_assigned_at, t.default_backup,
                   (SELECT count(*) FROM work_order w WHERE w.technician = t.login
                       AND w.state NOT IN ('COMPLETED', 'CANCELLED')) AS open_orders,
                   (SELECT count(*) FROM work_order w WHERE w.technician = t.login
                       AND w.state IN ('COMPLETED', 'CANCELLED') AND w.assigned_at >= :dayStart) AS closed_today
              FROM technician t
            """;
    private final JdbcClient jdbc;

    /**
     * Technicians of a region with their load, row-locked so that two assignments at once cannot both take a
     * technician's last free slot.
     */
    List<Candidate> candidatesInRegion(String region, Instant dayStart) {
        return jdbc.sql(LOAD + " WHERE :region = ANY (t.regions) ORDER BY t.login FOR UPDATE OF t")
                .param("region", region).param("dayStart", utc(dayStart))
                .query(this::candidate).list();
    }

    /** One technician with their load, row-locked (a supervisor's choice is checked under the same lock). */
    Optional<Candidate> candidateForUpdate(String login, Instant dayStart) {
        return jdbc.sql(LOAD + " WHERE t.login = :login FOR UPDATE OF t")
                .param("login", login).param("dayStart", utc(dayStart))
                .query(this::candidate).optional();
    }

    boolean insert(TechnicianView t) {
        return jdbc.sql("""
                INSERT INTO technician (login, name, product_lines, regions, home_store, daily_capacity, working_status,
                    default_backup, version)
                VALUES (:login, :name, :lines, :regions, :store, :capacity, :status, :backup, 0)
                ON CONFLICT (login) DO NOTHING
                """)
                .param("login", t.login()).param("name", t.name())
                .param("lines", t.productLines().toArray(String[]::new))
                .param("regions", t.regions().toArray(String[]::new)).param("store", t.homeStore())
                .param("capacity", t.dailyCapacity()).param("status", t.workingStatus().name())
                .param("backup", t.defaultBackup()).update() == 1;
    }

    /** Writes the row locked by {@link #findForUpdate}; counts its version up. */
    void update(TechnicianView t) {
        jdbc.sql("""
                UPDATE technician SET name = :name, product_lines = :lines, regions = :regions, home_store = :store,
                       daily_capacity = :capacity, working_status = :status, default_backup = :backup,
                       retired_at = :retiredAt, retirement_reason = :retirementReason, version = version + 1
                 WHERE login = :login
                """)
                .param("login", t.login()).param("name", t.name())
                .param("lines", t.productLines().toArray(String[]::new))
                .param("regions", t.regions().toArray(String[]::new)).param("store", t.homeStore())
                .param("capacity", t.dailyCapacity()).param("status", t.workingStatus().name())
                .param("backup", t.defaultBackup()).param("retiredAt", utc(t.retiredAt()))
                .param("retirementReason", t.retirementReason()).update();
    }

    Optional<TechnicianView> find(String login) {
        return jdbc.sql("SELECT * FROM technician WHERE login = :login").param("login", login).query(this::view)
                .optional();
    }

    Optional<TechnicianView> findForUpdate(String login) {
        return jdbc.sql("SELECT * FROM technician WHERE login = :login FOR UPDATE").param("login", login)
                .query(this::view).optional();
    }

    PageOf<TechnicianView> search(String region, String productLine, WorkingStatus status, Boolean retired,
                                  Paging paging) {
        String where = """
                 WHERE (CAST(:region AS text) IS NULL OR :region = ANY (regions))
                   AND (CAST(:line AS text) IS NULL OR :line = ANY (product_lines))
                   AND (CAST(:status AS text) IS NULL OR working_status = :status)
                   AND (CAST(:retired AS boolean) IS NULL OR (retired_at IS NOT NULL) = :retired)
                """;
        String statusName = status == null ? null : status.name();
        List<TechnicianView> items = jdbc.sql("SELECT * FROM technician" + where
                        + " ORDER BY login LIMIT :limit OFFSET :offset")
                .param("region", region).param("line", productLine).param("status", statusName)
                .param("retired", retired).param("limit", paging.size()).param("offset", paging.offset())
                .query(this::view).list();
        long total = jdbc.sql("SELECT count(*) FROM technician" + where)
                .param("region", region).param("line", productLine).param("status", statusName)
                .param("retired", retired).query(Long.class).single();
        return paging.of(items, total);
    }

    void recordHistory(TechnicianHistoryLine line) {
        jdbc.sql("INSERT INTO technician_history (login, at, actor, action, detail) VALUES (:login, :at, :actor, :action, :detail)")
                .param("login", line.login()).param("at", utc(line.at())).param("actor", line.actor())
                .param("action", line.action()).param("detail", line.detail()).update();
    }

    PageOf<TechnicianHistoryLine> history(String login, Paging paging) {
        List<TechnicianHistoryLine> items = jdbc.sql("""
                SELECT * FROM technician_history WHERE login = :login ORDER BY id LIMIT :limit OFFSET :offset
                """)
                .param("login", login).param("limit", paging.size()).param("offset", paging.offset())
                .query((rs, row) -> new TechnicianHistoryLine(rs.getString("login"), instant(rs, "at"),
                        rs.getString("actor"), rs.getString("action"), rs.getString("detail")))
                .list();
        long total = jdbc.sql("SELECT count(*) FROM technician_history WHERE login = :login").param("login", login)
                .query(Long.class).single();
        return paging.of(items, total);
    }

    Optional<String> homeStore(String login) {
        return jdbc.sql("SELECT home_store FROM technician WHERE login = :login").param("login", login)
                .query(String.class).optional();
    }

    void markAssigned(String login, Instant at) {
        jdbc.sql("UPDATE technician SET last_assigned_at = :at WHERE login = :login")
                .param("login", login).param("at", utc(at)).update();
    }

    private Candidate candidate(ResultSet rs, int row) throws SQLException {
        int open = rs.getInt("open_orders");
        return new Candidate(rs.getString("login"), Set.copyOf(list(rs.getArray("product_lines"))),
                Set.copyOf(list(rs.getArray("regions"))), WorkingStatus.valueOf(rs.getString("working_status")),
                rs.getTimestamp("retired_at") != null, open,
                TechnicianProposal.loadToday(open, rs.getInt("closed_today")), rs.getInt("daily_capacity"),
                instant(rs, "last_assigned_at"), rs.getString("default_backup"));
    }

    private TechnicianView view(ResultSet rs, int row) throws SQLException {
        return new TechnicianView(rs.getString("login"), rs.getString("name"), list(rs.getArray("product_lines")),
                list(rs.getArray("regions")), rs.getInt("daily_capacity"),
                WorkingStatus.valueOf(rs.getString("working_status")), rs.getString("home_store"),
                rs.getString("default_backup"), instant(rs, "last_assigned_at"), instant(rs, "retired_at"),
                rs.getString("retirement_reason"), rs.getInt("version"));
    }

    private static List<String> list(Array array) throws SQLException {
        return List.copyOf(Arrays.asList((String[]) array.getArray()));
    }
}
