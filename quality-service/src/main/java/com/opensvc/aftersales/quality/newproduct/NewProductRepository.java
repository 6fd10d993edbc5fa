package com.opensvc.aftersales.quality.newproduct;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.data.Timestamps;
import com.opensvc.aftersales.messaging.OutboxWriter;
import com.opensvc.aftersales.quality.newproduct.NewProductEvent.NewProductFailureReported;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

/**
 * QLT-07: launches, reported failures and survey findings, and the reported failure's event in the same transaction
 * (EVT-01). The watch list and the survey report read the installed base's table (a read model may).
 */
@Repository
@RequiredArgsConstructor
public class NewProductRepository {
    /** Each model's launch: the recorded one, else the first ship date of its installed units. */
    private static final String LAUNCHES = """
            WITH first_ship AS (
                SELECT product_model, min(ship_date) AS first_ship FROM installed_product
                 WHERE ship_date IS NOT NULL GROUP BY product_model),
            launches AS (
                SELECT COALESCE(l.product_model, f.product_model) AS product_model,
                       COALESCE(l.launched_on, f.first_ship) AS launched_on,
                       l.launched_on IS NOT NULL AS recorded, l.version
                  FROM product_launch l FULL OUTER JOIN first_ship f ON f.product_model = l.product_model)
            """;

    private final JdbcClient jdbc;
    private final OutboxWriter outbox;

    ProductLaunchRow putLaunch(String model, LocalDate launchedOn, String actor, Instant now) {
        return jdbc.sql("""
                INSERT INTO product_launch (product_model, launched_on, recorded_by, recorded_at, version)
                VALUES (:model, :on, :by, :at, 0)
                ON CONFLICT (product_model) DO UPDATE SET launched_on = EXCLUDED.launched_on,
                    recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at,
                    version = product_launch.version + 1
                RETURNING product_model, launched_on, version
                """)
                .param("model", model).param("on", launchedOn).param("by", actor).param("at", Timestamps.utc(now))
                .query((rs, row) -> new ProductLaunchRow(rs.getString("product_model"),
                        rs.getObject("launched_on", LocalDate.class), rs.getInt("version")))
                .single();
    }

    record ProductLaunchRow(String productModel, LocalDate launchedOn, int version) {
    }

    Optional<ProductLaunchRow> recordedLaunch(String model) {
        return jdbc.sql("SELECT product_model, launched_on, version FROM product_launch WHERE product_model = :model")
                .param("model", model)
                .query((rs, row) -> new ProductLaunchRow(rs.getString("product_model"),
                        rs.getObject("launched_on", LocalDate.class), rs.getInt("version")))
                .optional();
    }

    /** @return false (nothing written) when the defect record's failure was reported already */
    boolean insertFailure(NewProductFailureReported f, Instant failedAt) {
        boolean inserted = jdbc.sql("""
                INSERT INTO new_product_failure (defect_id, ticket_id, product_model, serial_number, failure_mode,
                    cause, launched_on, watch_ends_on, days_since_launch, failed_at, reported_at)
                VALUES (:defect, :ticket, :model, :serial, :mode, :cause, :launched, :ends, :days, :failedAt, :at)
                ON CONFLICT (defect_id) DO NOTHING
                """)
                .param("defect", f.defectId()).param("ticket", f.ticketId()).param("model", f.productModel())
                .param("serial", f.serialNumber()).param("mode", f.failureMode()).param("cause", f.cause())
                .param("launched", f.launchedOn()).param("ends", f.watchEndsOn()).param("days", f.daysSinceLaunch())
                .param("failedAt", Timestamps.utc(failedAt)).param("at", Timestamps.utc(f.occurredAt()))
                .update() == 1;
        if (inserted) {
            outbox.append(f);
        }
        return inserted;
    }

    void insertFinding(SurveyFinding s) {
        jdbc.sql("""
                INSERT INTO new_product_survey_finding (id, product_model, findings, customers_surveyed, submitted_by,
                    submitted_at)
                VALUES (:id, :model, :findings, :customers, :by, :at)
                """)
                .param("id", s.id()).param("model", s.productModel()).param("findings", s.findings())
                .param("customers", s.customersSurveyed()).param("by", s.submittedBy())
                .param("at", Timestamps.utc(s.submittedAt())).update();
    }

    Optional<SurveyFinding> finding(UUID id) {
        return jdbc.sql("SELECT * FROM new_product_survey_finding WHERE id = :id").param("id", id)
                .query(this::mapFinding).optional();
    }

    /** Every finding of the model so far, oldest first. */
    List<SurveyFinding> allFindings(String model) {
        return jdbc.sql("""
                SELECT * FROM new_product_survey_finding WHERE product_model = :model ORDER BY submitted_at, id
                """).param("model", model).query(this::mapFinding).list();
    }

    PageOf<SurveyFinding> findings(String model, Paging paging) {
        long total = jdbc.sql("SELECT count(*) FROM new_product_survey_finding WHERE product_model = :model")
                .param("model", model).query(Long.class).single();
        List<SurveyFinding> items = jdbc.sql("""
                SELECT * FROM new_product_survey_finding WHERE product_model = :model
                 ORDER BY submitted_at DESC, id LIMIT :limit OFFSET :offset
                """).param("model", model).param("limit", paging.size()).param("offset", paging.offset())
                .query(this::mapFinding).list();
        return paging.of(items, total);
    }

    /** The models launched by {@code today} and still watched on it, latest launch first. */
    PageOf<WatchedRow> watched(LocalDate today, Period watchPeriod, Paging paging) {
        String where = " WHERE launched_on <= :today AND launched_on + CAST(:period AS interval) > :today";
        long total = jdbc.sql(LAUNCHES + "SELECT count(*) FROM launches" + where).param("today", today)
                .param("period", watchPeriod.toString()).query(Long.class).single();
        List<WatchedRow> items = jdbc.sql(LAUNCHES + """
                SELECT la.product_model, la.launched_on, la.recorded,
                       (SELECT count(*) FROM installed_product i WHERE i.product_model = la.product_model) AS installed,
                       (SELECT count(*) FROM new_product_failure f WHERE f.product_model = la.product_model) AS failures,
                       (SELECT max(failed_at) FROM new_product_failure f WHERE f.product_model = la.product_model)
                           AS last_failure_at,
                       (SELECT count(*) FROM new_product_survey_finding s WHERE s.product_model = la.product_model)
                           AS findings
                  FROM launches la
                """ + where.replace("launched_on", "la.launched_on")
                        + " ORDER BY la.launched_on DESC, la.product_model LIMIT :limit OFFSET :offset")
                .param("today", today).param("period", watchPeriod.toString()).param("limit", paging.size())
                .param("offset", paging.offset())
                .query((rs, row) -> new WatchedRow(rs.getString("product_model"),
                        rs.getObject("launched_on", LocalDate.class), rs.getBoolean("recorded"),
                        rs.getLong("installed"), rs.getLong("failures"), Timestamps.instant(rs, "last_failure_at"),
                        rs.getLong("findings")))
                .list();
        return paging.of(items, total);
    }

    record WatchedRow(String productModel, LocalDate launchedOn, boolean recorded, long installed, long failures,
                      Instant lastFailureAt, long findings) {
    }

    /** The models whose watch overlaps the days {@code from}..{@code to}: launched by its end, watched past its start. */
    List<String> watchedDuring(LocalDate from, LocalDate to, Period watchPeriod) {
        return jdbc.sql(LAUNCHES + """
                SELECT product_model FROM launches
                 WHERE launched_on <= :to AND launched_on + CAST(:period AS interval) > :from
                 ORDER BY product_model
                """).param("from", from).param("to", to).param("period", watchPeriod.toString())
                .query(String.class).list();
    }

    /** The model's reported failures by failure mode: in [from, to) and before {@code to} (since launch). */
    List<ModeCount> failuresByMode(String model, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT COALESCE(failure_mode, '') AS failure_mode,
                       count(*) FILTER (WHERE failed_at >= :from) AS in_period, count(*) AS since_launch
                  FROM new_product_failure WHERE product_model = :model AND failed_at < :to
                 GROUP BY 1 ORDER BY since_launch DESC, failure_mode
                """).param("model", model).param("from", Timestamps.utc(from)).param("to", Timestamps.utc(to))
                .query((rs, row) -> new ModeCount(rs.getString("failure_mode"), rs.getLong("in_period"),
                        rs.getLong("since_launch")))
                .list();
    }

    record ModeCount(String failureMode, long inPeriod, long sinceLaunch) {
    }

    private SurveyFinding mapFinding(ResultSet rs, int row) throws SQLException {
        return new SurveyFinding(rs.getObject("id", UUID.class), rs.getString("product_model"),
                rs.getString("findings"), rs.getInt("customers_surveyed"), rs.getString("submitted_by"),
                Timestamps.instant(rs, "submitted_at"));
    }
}
