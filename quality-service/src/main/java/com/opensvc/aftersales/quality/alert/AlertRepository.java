package com.opensvc.aftersales.quality.alert;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.data.Timestamps;
import com.opensvc.aftersales.messaging.OutboxWriter;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

/** The only SQL that writes the alert tables (alert_rule, alert_occurrence, quality_alert, quality_alert_failure). */
@Repository
@RequiredArgsConstructor
class AlertRepository {
    private static final String OPEN = "state IN ('RAISED', 'ACKNOWLEDGED')";

    private final JdbcClient jdbc;
    private final OutboxWriter outbox;

    // --- the key: one transaction at a time decides about a (model, failure mode) ---------------------------------

    /** Waits for the key's transaction-scoped lock: two failures of one key never raise two alerts. */
    void lockKey(String productModel, String failureMode) {
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(:key, 6))) locked")
                .param("key", key(productModel, failureMode)).query(Integer.class).single();
    }

    /** @return false when another transaction holds the key (its failure is being evaluated) */
    boolean tryLockKey(String productModel, String failureMode) {
        return jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtextextended(:key, 6))")
                .param("key", key(productModel, failureMode)).query(Boolean.class).single();
    }

    private static String key(String productModel, String failureMode) {
        return "quality-alert\n" + productModel + "\n" + failureMode;
    }

    // --- occurrences -----------------------------------------------------------------------------------------------

    /** @return false when the defect was counted already */
    boolean insertOccurrence(UUID defectId, String productModel, String failureMode, Instant failedAt, Instant now) {
        return jdbc.sql("""
                INSERT INTO alert_occurrence (defect_id, product_model, failure_mode, failed_at, recorded_at)
                VALUES (:defect, :model, :mode, :failedAt, :now) ON CONFLICT (defect_id) DO NOTHING
                """)
                .param("defect", defectId).param("model", productModel).param("mode", failureMode)
                .param("failedAt", Timestamps.utc(failedAt)).param("now", Timestamps.utc(now)).update() == 1;
    }

    Instant latestFailure(String productModel, String failureMode) {
        return jdbc.sql("""
                SELECT max(failed_at) FROM alert_occurrence WHERE product_model = :model AND failure_mode = :mode
                """)
                .param("model", productModel).param("mode", failureMode)
                .query((rs, row) -> Timestamps.instant(rs, 1)).single();
    }

    /** The key's failures in the window (from, to], oldest first. */
    List<Alert.Occurrence> inWindow(String productModel, String failureMode, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT defect_id, failed_at FROM alert_occurrence
                 WHERE product_model = :model AND failure_mode = :mode AND failed_at > :from AND failed_at <= :to
                 ORDER BY failed_at, defect_id
                """)
                .param("model", productModel).param("mode", failureMode)
                .param("from", Timestamps.utc(from)).param("to", Timestamps.utc(to))
                .query((rs, row) -> new Alert.Occurrence(rs.getObject("defect_id", UUID.class),
                        Timestamps.instant(rs, "failed_at"))).list();
    }

    // --- alerts ----------------------------------------------------------------------------------------------------

    Optional<Alert> findOpenForUpdate(String productModel, String failureMode) {
        return jdbc.sql("SELECT * FROM quality_alert WHERE product_model = :model AND failure_mode = :mode AND "
                        + OPEN + " FOR UPDATE")
                .param("model", productModel).param("mode", failureMode).query(this::map).optional();
    }

    Optional<Alert> find(UUID id) {
        return jdbc.sql("SELECT * FROM quality_alert WHERE id = :id").param("id", id).query(this::map).optional();
    }

    Optional<Alert> findForUpdate(UUID id) {
        return jdbc.sql("SELECT * FROM quality_alert WHERE id = :id FOR UPDATE").param("id", id).query(this::map)
                .optional();
    }

    /** The open alerts this replica claims (others skip them) that were not evaluated as of {@code at}. */
    List<Alert> claimOpen(Instant at, int limit) {
        return jdbc.sql("SELECT * FROM quality_alert WHERE " + OPEN + """
                 AND (evaluated_at IS NULL OR evaluated_at < :at)
                 ORDER BY raised_at, id LIMIT :limit FOR UPDATE SKIP LOCKED
                """)
                .param("at", Timestamps.utc(at)).param("limit", limit).query(this::map).list();
    }

    void evaluated(UUID id, Instant at) {
        jdbc.sql("UPDATE quality_alert SET evaluated_at = :at WHERE id = :id")
                .param("id", id).param("at", Timestamps.utc(at)).update();
    }

    PageOf<Alert> search(AlertState state, String productModel, Paging paging) {
        String where = " WHERE (CAST(:state AS text) IS NULL OR state = :state)"
                + " AND (CAST(:model AS text) IS NULL OR product_model = :model)";
        String stateName = state == null ? null : state.name();
        List<Alert> items = jdbc.sql("SELECT * FROM quality_alert" + where
                        + " ORDER BY raised_at DESC, id LIMIT :limit OFFSET :offset")
                .param("state", stateName).param("model", productModel)
                .param("limit", paging.size()).param("offset", paging.offset()).query(this::map).list();
        long total = jdbc.sql("SELECT count(*) FROM quality_alert" + where)
                .param("state", stateName).param("model", productModel).query(Long.class).single();
        return paging.of(items, total);
    }

    List<UUID> defectIds(UUID alertId) {
        return jdbc.sql("""
                SELECT defect_id FROM quality_alert_failure WHERE alert_id = :id ORDER BY failed_at, defect_id
                """).param("id", alertId).query(UUID.class).list();
    }

    /** Writes the alert (new or next version), the failures it counted and its events, in the caller's transaction. */
    void save(AlertChange change) {
        Alert a = change.alert();
        int written = jdbc.sql("""
                INSERT INTO quality_alert (id, product_model, failure_mode, state, basis, window_days, count_threshold,
                    rate_threshold, installed_base, failure_count, rate, first_failure_at, last_failure_at, raised_at,
                    acknowledged_by, acknowledged_at, cleared_at, improvement_report_id, version)
                VALUES (:id, :model, :mode, :state, :basis, :windowDays, :countThreshold, :rateThreshold,
                    :installedBase, :count, :rate, :first, :last, :raisedAt, :ackBy, :ackAt, :clearedAt, :report,
                    :version)
                ON CONFLICT (id) DO UPDATE SET state = excluded.state, installed_base = excluded.installed_base,
                    failure_count = excluded.failure_count, rate = excluded.rate,
                    last_failure_at = excluded.last_failure_at, acknowledged_by = excluded.acknowledged_by,
                    acknowledged_at = excluded.acknowledged_at, cleared_at = excluded.cleared_at,
                    improvement_report_id = excluded.improvement_report_id, version = excluded.version
                  WHERE quality_alert.version = excluded.version - 1
                """)
                .param("id", a.id()).param("model", a.productModel()).param("mode", a.failureMode())
                .param("state", a.state().name()).param("basis", a.basis().name())
                .param("windowDays", a.windowDays()).param("countThreshold", a.countThreshold())
                .param("rateThreshold", a.rateThreshold()).param("installedBase", a.installedBase())
                .param("count", a.count()).param("rate", a.rate())
                .param("first", Timestamps.utc(a.firstFailureAt())).param("last", Timestamps.utc(a.lastFailureAt()))
                .param("raisedAt", Timestamps.utc(a.raisedAt())).param("ackBy", a.acknowledgedBy())
                .param("ackAt", a.acknowledgedAt() == null ? null : Timestamps.utc(a.acknowledgedAt()))
                .param("clearedAt", a.clearedAt() == null ? null : Timestamps.utc(a.clearedAt()))
                .param("report", a.improvementReportId()).param("version", a.version()).update();
        if (written != 1) {
            throw new IllegalStateException("quality alert " + a.id() + " changed concurrently");
        }
        for (Alert.Occurrence failure : change.failures()) {
            jdbc.sql("""
                    INSERT INTO quality_alert_failure (alert_id, defect_id, failed_at) VALUES (:alert, :defect, :at)
                    ON CONFLICT DO NOTHING
                    """)
                    .param("alert", a.id()).param("defect", failure.defectId())
                    .param("at", Timestamps.utc(failure.failedAt())).update();
        }
        outbox.appendAll(change.events());
    }

    private Alert map(ResultSet rs, int row) throws SQLException {
        return new Alert(rs.getObject("id", UUID.class), rs.getString("product_model"), rs.getString("failure_mode"),
                AlertState.valueOf(rs.getString("state")), AlertBasis.valueOf(rs.getString("basis")),
                rs.getInt("window_days"), rs.getInt("count_threshold"), rs.getBigDecimal("rate_threshold"),
                rs.getLong("installed_base"), rs.getInt("failure_count"), rs.getBigDecimal("rate"),
                Timestamps.instant(rs, "first_failure_at"), Timestamps.instant(rs, "last_failure_at"),
                Timestamps.instant(rs, "raised_at"), rs.getString("acknowledged_by"),
                Timestamps.instant(rs, "acknowledged_at"), Timestamps.instant(rs, "cleared_at"),
                rs.getObject("improvement_report_id", UUID.class), rs.getInt("version"));
    }

    // --- rules -----------------------------------------------------------------------------------------------------

    Optional<AlertRule> findRule(String productModel) {
        return jdbc.sql("SELECT * FROM alert_rule WHERE product_model = :model").param("model", productModel)
                .query(this::mapRule).optional();
    }

    PageOf<AlertRule> rules(Paging paging) {
        List<AlertRule> items = jdbc.sql("SELECT * FROM alert_rule ORDER BY product_model LIMIT :limit OFFSET :offset")
                .param("limit", paging.size()).param("offset", paging.offset()).query(this::mapRule).list();
        return paging.of(items, jdbc.sql("SELECT count(*) FROM alert_rule").query(Long.class).single());
    }

    /** Sets the model's own rule (a new one, or the next version of it). */
    AlertRule saveRule(String productModel, int windowDays, int countThreshold, BigDecimal rateThreshold,
                       String actor, Instant now) {
        return jdbc.sql("""
                INSERT INTO alert_rule (product_model, window_days, count_threshold, rate_threshold, updated_by,
                    updated_at, version)
                VALUES (:model, :windowDays, :countThreshold, :rateThreshold, :actor, :now, 1)
                ON CONFLICT (product_model) DO UPDATE SET window_days = excluded.window_days,
                    count_threshold = excluded.count_threshold, rate_threshold = excluded.rate_threshold,
                    updated_by = excluded.updated_by, updated_at = excluded.updated_at,
                    version = alert_rule.version + 1
                RETURNING *
                """)
                .param("model", productModel).param("windowDays", windowDays).param("countThreshold", countThreshold)
                .param("rateThreshold", rateThreshold).param("actor", actor).param("now", Timestamps.utc(now))
                .query(this::mapRule).single();
    }

    boolean deleteRule(String productModel) {
        return jdbc.sql("DELETE FROM alert_rule WHERE product_model = :model").param("model", productModel)
                .update() == 1;
    }

    private AlertRule mapRule(ResultSet rs, int row) throws SQLException {
        return new AlertRule(rs.getString("product_model"), rs.getInt("window_days"), rs.getInt("count_threshold"),
                rs.getBigDecimal("rate_threshold"), rs.getString("updated_by"), Timestamps.instant(rs, "updated_at"),
                rs.getInt("version"));
    }
}
