package com.opensvc.aftersales.quality.defect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Defect records and their history, and in the same transaction the events their changes publish (EVT-01). History
 * is only ever inserted (append-only in the database).
 */
@Repository
@RequiredArgsConstructor
public class DefectRepository {
    private static final String WHERE = """
             WHERE (CAST(:ticket AS uuid) IS NULL OR ticket_id = :ticket)
               AND (CAST(:model AS text) IS NULL OR product_model = :model)
               AND (CAST(:mode AS text) IS NULL OR failure_mode = :mode)
               AND (CAST(:state AS text) IS NULL OR state = :state)
               AND (CAST(:source AS text) IS NULL OR source = :source)
               AND (CAST(:from AS timestamptz) IS NULL OR failed_at >= :from)
               AND (CAST(:before AS timestamptz) IS NULL OR failed_at < :before)
            """;

    private final JdbcClient jdbc;
    private final OutboxWriter outbox;
    private final JsonMapper json;

    /**
     * QLT-01: one record per repair and one per returned part (the unique indexes).
     *
     * @return false (and nothing written) when the repair or the loan already has its record
     */
    boolean insertIfAbsent(DefectChange recorded) {
        Defect d = recorded.defect();
        boolean inserted = jdbc.sql("""
                INSERT INTO defect (id, ticket_id, work_order_id, source, product_model, serial_number, production_batch,
                    factory_date, part_number, part_serial, part_factory_date, loan_id, region, customer_id, failure_mode,
                    cause, responsible_department, responsible_process, causing_part_number, state, failed_at,
                    received_at, analysis_due_by, recorded_at, version)
                VALUES (:id, :ticket, :workOrder, :source, :model, :serial, :batch, :factoryDate, :part, :partSerial,
                    :partFactoryDate, :loan, :region, :customer, :mode, :cause, :department, :process, :causingPart,
                    :state, :failedAt, :receivedAt, :dueBy, :recordedAt, :version)
                ON CONFLICT DO NOTHING
                """)
                .param("id", d.id()).param("ticket", d.ticketId()).param("workOrder", d.workOrderId())
                .param("source", d.source().name()).param("model", d.productModel()).param("serial", d.serialNumber())
                .param("batch", d.productionBatch()).param("factoryDate", d.factoryDate())
                .param("part", d.partNumber()).param("partSerial", d.partSerial())
                .param("partFactoryDate", d.partFactoryDate()).param("loan", d.loanId()).param("region", d.region())
                .param("customer", d.customerId()).param("mode", d.failureMode()).param("cause", d.cause())
                .param("department", name(d.responsibleDepartment())).param("process", d.responsibleProcess())
                .param("causingPart", d.causingPartNumber()).param("state", d.state().name())
                .param("failedAt", Timestamps.utc(d.failedAt())).param("receivedAt", Timestamps.utc(d.receivedAt()))
                .param("dueBy", Timestamps.utc(d.analysisDueBy())).param("recordedAt", Timestamps.utc(d.recordedAt()))
                .param("version", d.version()).update() == 1;
        if (inserted) {
            appendRest(recorded);
        }
        return inserted;
    }

    /** Writes a change of an existing record, its history line and its events. */
    void save(DefectChange change) {
        Defect d = change.defect();
        jdbc.sql("""
                UPDATE defect SET failure_mode = :mode, cause = :cause, responsible_department = :department,
                    responsible_process = :process, causing_part_number = :causingPart, production_batch = :batch,
                    factory_date = :factoryDate, state = :state, test_result = :testResult, conclusion = :conclusion,
                    analysed_by = :analysedBy, analysed_at = :analysedAt, analysed_late = :late,
                    classified_by = :classifiedBy, classified_at = :classifiedAt, version = :version
                 WHERE id = :id
                """)
                .param("id", d.id()).param("mode", d.failureMode()).param("cause", d.cause())
                .param("department", name(d.responsibleDepartment())).param("process", d.responsibleProcess())
                .param("causingPart", d.causingPartNumber()).param("batch", d.productionBatch())
                .param("factoryDate", d.factoryDate()).param("state", d.state().name())
                .param("testResult", d.testResult()).param("conclusion", d.conclusion())
                .param("analysedBy", d.analysedBy()).param("analysedAt", Timestamps.utc(d.analysedAt()))
                .param("late", d.analysedLate()).param("classifiedBy", d.classifiedBy())
                .param("classifiedAt", Timestamps.utc(d.classifiedAt())).param("version", d.version()).update();
        appendRest(change);
    }

    private void appendRest(DefectChange change) {
        DefectHistory h = change.history();
        jdbc.sql("""
                INSERT INTO defect_history (defect_id, at, actor, action, from_state, to_state, before, after, note)
                VALUES (:id, :at, :actor, :action, :from, :to, CAST(:before AS jsonb), CAST(:after AS jsonb), :note)
                """)
                .param("id", change.defect().id()).param("at", Timestamps.utc(h.at())).param("actor", h.actor())
                .param("action", h.action()).param("from", h.fromState() == null ? null : h.fromState().name())
                .param("to", h.toState().name())
                .param("before", h.before() == null ? null : json.writeValueAsString(h.before()))
                .param("after", json.writeValueAsString(h.after())).param("note", h.note()).update();
        outbox.appendAll(change.events());
    }

    public Optional<Defect> find(UUID id) {
        return jdbc.sql("SELECT * FROM defect WHERE id = :id").param("id", id).query(this::map).optional();
    }

    Optional<Defect> findForUpdate(UUID id) {
        return jdbc.sql("SELECT * FROM defect WHERE id = :id FOR UPDATE").param("id", id).query(this::map).optional();
    }

    public PageOf<Defect> search(DefectFilter filter, Paging paging) {
        long total = filtered(jdbc.sql("SELECT count(*) FROM defect" + WHERE), filter).query(Long.class).single();
        List<Defect> items = filtered(jdbc.sql("SELECT * FROM defect" + WHERE
                        + " ORDER BY failed_at DESC, recorded_at DESC, id LIMIT :limit OFFSET :offset"), filter)
                .param("limit", paging.size()).param("offset", paging.offset()).query(this::map).list();
        return new PageOf<>(items, paging.page(), paging.size(), total);
    }

    private static JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec sql, DefectFilter f) {
        return sql.param("ticket", f.ticketId()).param("model", f.productModel()).param("mode", f.failureMode())
                .param("state", name(f.state())).param("source", name(f.source()))
                .param("from", Timestamps.utc(f.failedFrom())).param("before", Timestamps.utc(f.failedBefore()));
    }

    /** QLT-02: records awaiting analysis past their due time, the longest overdue first. */
    public PageOf<OverdueAnalysis> overdue(Instant now, Paging paging) {
        String where = " WHERE state = 'AWAITING_ANALYSIS' AND analysis_due_by < :now";
        long total = jdbc.sql("SELECT count(*) FROM defect" + where).param("now", Timestamps.utc(now))
                .query(Long.class).single();
        List<OverdueAnalysis> items = jdbc.sql("SELECT * FROM defect" + where
                        + " ORDER BY analysis_due_by, id LIMIT :limit OFFSET :offset")
                .param("now", Timestamps.utc(now)).param("limit", paging.size()).param("offset", paging.offset())
                .query((rs, row) -> {
                    Defect d = map(rs, row);
                    return new OverdueAnalysis(d.id(), d.ticketId(), d.workOrderId(), d.source(), d.productModel(),
                            d.serialNumber(), d.partNumber(), d.failureMode(), d.receivedAt(), d.analysisDueBy(),
                            daysOverdue(d.analysisDueBy(), now));
                }).list();
        return new PageOf<>(items, paging.page(), paging.size(), total);
    }

    /** Whole days begun since the due time. */
    static long daysOverdue(Instant dueBy, Instant now) {
        Duration late = Duration.between(dueBy, now);
        long days = late.toDays();
        return late.minusDays(days).isZero() ? days : days + 1;
    }

    public PageOf<DefectHistory> history(UUID id, Paging paging) {
        long total = jdbc.sql("SELECT count(*) FROM defect_history WHERE defect_id = :id").param("id", id)
                .query(Long.class).single();
        List<DefectHistory> items = jdbc.sql("""
                        SELECT * FROM defect_history WHERE defect_id = :id ORDER BY id LIMIT :limit OFFSET :offset
                        """)
                .param("id", id).param("limit", paging.size()).param("offset", paging.offset())
                .query((rs, row) -> new DefectHistory(Timestamps.instant(rs, "at"), rs.getString("actor"),
                        rs.getString("action"), state(rs.getString("from_state")), state(rs.getString("to_state")),
                        classification(rs.getString("before")), classification(rs.getString("after")),
                        rs.getString("note")))
                .list();
        return new PageOf<>(items, paging.page(), paging.size(), total);
    }

    private DefectClassification classification(String text) {
        return text == null ? null : json.readValue(text, DefectClassification.class);
    }

    private Defect map(ResultSet rs, int row) throws SQLException {
        String department = rs.getString("responsible_department");
        return Defect.builder().id(rs.getObject("id", UUID.class)).ticketId(rs.getObject("ticket_id", UUID.class))
                .workOrderId(rs.getObject("work_order_id", UUID.class))
                .source(DefectSource.valueOf(rs.getString("source"))).productModel(rs.getString("product_model"))
                .serialNumber(rs.getString("serial_number")).productionBatch(rs.getString("production_batch"))
                .factoryDate(rs.getObject("factory_date", LocalDate.class)).partNumber(rs.getString("part_number"))
                .partSerial(rs.getString("part_serial"))
                .partFactoryDate(rs.getObject("part_factory_date", LocalDate.class))
                .loanId(rs.getObject("loan_id", UUID.class)).region(rs.getString("region"))
                .customerId(rs.getObject("customer_id", UUID.class)).failureMode(rs.getString("failure_mode"))
                .cause(rs.getString("cause"))
                .responsibleDepartment(department == null ? null : ResponsibleDepartment.valueOf(department))
                .responsibleProcess(rs.getString("responsible_process"))
                .causingPartNumber(rs.getString("causing_part_number"))
                .state(DefectState.valueOf(rs.getString("state"))).failedAt(Timestamps.instant(rs, "failed_at"))
                .receivedAt(Timestamps.instant(rs, "received_at"))
                .analysisDueBy(Timestamps.instant(rs, "analysis_due_by")).testResult(rs.getString("test_result"))
                .conclusion(rs.getString("conclusion")).analysedBy(rs.getString("analysed_by"))
                .analysedAt(Timestamps.instant(rs, "analysed_at"))
                .analysedLate((Boolean) rs.getObject("analysed_late")).classifiedBy(rs.getString("classified_by"))
                .classifiedAt(Timestamps.instant(rs, "classified_at")).recordedAt(Timestamps.instant(rs, "recorded_at"))
                .version(rs.getInt("version")).build();
    }

    private static DefectState state(String name) {
        return name == null ? null : DefectState.valueOf(name);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
