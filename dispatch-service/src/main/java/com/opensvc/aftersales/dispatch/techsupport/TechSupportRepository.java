package com.opensvc.aftersales.dispatch.techsupport;

import static com.opensvc.aftersales.data.Timestamps.instant;
import static com.opensvc.aftersales.data.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.dispatch.workorder.PartLine;
import com.opensvc.aftersales.messaging.OutboxWriter;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import lombok.RequiredArgsConstructor;

/** Technical support requests and, in the same transaction, the events their changes publish (EVT-01). */
@Repository
@RequiredArgsConstructor
class TechSupportRepository {
    private static final TypeReference<List<PartLine>> PARTS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {
    };
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final OutboxWriter outbox;

    /**
     * Writes the change in the caller's transaction: the request's row and the outbox rows of its events.
     *
     * @return false, having written nothing, when the change opens a request that exists (the same NOT_FIXED visit, or
     *         the ticket's technical question: EVT-04)
     */
    boolean save(TechSupportChange change) {
        TechSupportRequest r = change.request();
        if (change.opens()) {
            if (!insertIfAbsent(r)) {
                return false;
            }
        } else {
            update(r);
        }
        outbox.appendAll(change.events());
        return true;
    }

    Optional<TechSupportRequest> find(UUID id) {
        return jdbc.sql("SELECT * FROM tech_support_request WHERE id = :id").param("id", id).query(this::map)
                .optional();
    }

    Optional<TechSupportRequest> findForUpdate(UUID id) {
        return jdbc.sql("SELECT * FROM tech_support_request WHERE id = :id FOR UPDATE").param("id", id)
                .query(this::map).optional();
    }

    PageOf<TechSupportRequest> search(TechSupportState state, TechSupportSource source, UUID ticketId,
                                      UUID workOrderId, Paging paging) {
        String where = """
                 WHERE (CAST(:state AS text) IS NULL OR state = :state)
                   AND (CAST(:source AS text) IS NULL OR source = :source)
                   AND (CAST(:ticket AS uuid) IS NULL OR ticket_id = :ticket)
                   AND (CAST(:workOrder AS uuid) IS NULL OR work_order_id = :workOrder)
                """;
        String stateName = state == null ? null : state.name();
        String sourceName = source == null ? null : source.name();
        List<TechSupportRequest> items = jdbc.sql("SELECT * FROM tech_support_request" + where
                        + " ORDER BY requested_at, id LIMIT :limit OFFSET :offset")
                .param("state", stateName).param("source", sourceName).param("ticket", ticketId)
                .param("workOrder", workOrderId).param("limit", paging.size()).param("offset", paging.offset())
                .query(this::map).list();
        long total = jdbc.sql("SELECT count(*) FROM tech_support_request" + where)
                .param("state", stateName).param("source", sourceName).param("ticket", ticketId)
                .param("workOrder", workOrderId).query(Long.class).single();
        return paging.of(items, total);
    }

    private boolean insertIfAbsent(TechSupportRequest r) {
        return jdbc.sql("""
                INSERT INTO tech_support_request (id, source, ticket_id, ticket_number, work_order_id, visit_id,
                    technician, product_model, question, site_situation, symptom, actions_tried, attachments,
                    requested_by, requested_at, state, parts_needed)
                VALUES (:id, :source, :ticket, :number, :workOrder, :visit, :tech, :model, :question, :situation,
                    :symptom, :actions, CAST(:attachments AS jsonb), :by, :at, :state, CAST(:parts AS jsonb))
                ON CONFLICT DO NOTHING
                """)
                .param("id", r.id()).param("source", r.source().name()).param("ticket", r.ticketId())
                .param("number", r.ticketNumber()).param("workOrder", r.workOrderId()).param("visit", r.visitId())
                .param("tech", r.technician()).param("model", r.productModel()).param("question", r.question())
                .param("situation", r.siteSituation()).param("symptom", r.symptom())
                .param("actions", r.actionsTried()).param("attachments", json.writeValueAsString(r.attachments()))
                .param("by", r.requestedBy()).param("at", utc(r.requestedAt())).param("state", r.state().name())
                .param("parts", json.writeValueAsString(r.partsNeeded()))
                .update() == 1;
    }

    /** The columns an answer changes; the row is locked ({@link #findForUpdate}). */
    private void update(TechSupportRequest r) {
        jdbc.sql("""
                UPDATE tech_support_request
                   SET state = :state, solution = :solution, parts_needed = CAST(:parts AS jsonb),
                       close_reason = :reason, answered_by = :by, answered_at = :at, version = :version
                 WHERE id = :id
                """)
                .param("id", r.id()).param("state", r.state().name()).param("solution", r.solution())
                .param("parts", json.writeValueAsString(r.partsNeeded())).param("reason", r.closeReason())
                .param("by", r.answeredBy()).param("at", utc(r.answeredAt())).param("version", r.version())
                .update();
    }

    private TechSupportRequest map(ResultSet rs, int row) throws SQLException {
        return new TechSupportRequest.Builder().id(rs.getObject("id", UUID.class))
                .source(TechSupportSource.valueOf(rs.getString("source")))
                .ticketId(rs.getObject("ticket_id", UUID.class)).ticketNumber(rs.getString("ticket_number"))
                .workOrderId(rs.getObject("work_order_id", UUID.class)).visitId(rs.getObject("visit_id", UUID.class))
                .technician(rs.getString("technician")).productModel(rs.getString("product_model"))
                .question(rs.getString("question")).siteSituation(rs.getString("site_situation"))
                .symptom(rs.getString("symptom")).actionsTried(rs.getString("actions_tried"))
                .attachments(json.readValue(rs.getString("attachments"), TEXTS))
                .requestedBy(rs.getString("requested_by")).requestedAt(instant(rs, "requested_at"))
                .state(TechSupportState.valueOf(rs.getString("state"))).solution(rs.getString("solution"))
                .partsNeeded(json.readValue(rs.getString("parts_needed"), PARTS))
                .closeReason(rs.getString("close_reason")).answeredBy(rs.getString("answered_by"))
                .answeredAt(instant(rs, "answered_at")).version(rs.getInt("version"))
                .build();
    }
}
