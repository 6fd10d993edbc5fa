package com.opensvc.aftersales.quality.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
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

/** Campaigns, their numbers, and in the same transaction the events their changes publish (EVT-01). */
@Repository
@RequiredArgsConstructor
public class CampaignRepository {
    private final JdbcClient jdbc;
    private final OutboxWriter outbox;

    /** The next number of the year: one row per year, raised under its row lock (unique; a rollback leaves a gap). */
    int nextNumber(int year) {
        return jdbc.sql("""
                INSERT INTO campaign_number (year, last) VALUES (:year, 1)
                ON CONFLICT (year) DO UPDATE SET last = campaign_number.last + 1
                RETURNING last
                """).param("year", year).query(Integer.class).single();
    }

    /** Writes the campaign (inserted when just launched) and its events. */
    void save(CampaignChange change) {
        Campaign c = change.campaign();
        if (change.created()) {
            jdbc.sql("""
                    INSERT INTO campaign (id, number, product_model, serial_from, serial_to, factory_date_from,
                        factory_date_to, description, action_to_take, contact_within_hours, improvement_report_id, state,
                        launched_by, launched_at, outreach_due_by, version)
                    VALUES (:id, :number, :model, :serialFrom, :serialTo, :factoryFrom, :factoryTo, :description, :action,
                        :hours, :report, :state, :launchedBy, :launchedAt, :dueBy, :version)
                    """)
                    .param("id", c.id()).param("number", c.number()).param("model", c.productModel())
                    .param("serialFrom", c.serialFrom()).param("serialTo", c.serialTo())
                    .param("factoryFrom", c.factoryDateFrom()).param("factoryTo", c.factoryDateTo())
                    .param("description", c.description()).param("action", c.actionToTake())
                    .param("hours", c.contactWithinHours()).param("report", c.improvementReportId())
                    .param("state", c.state().name()).param("launchedBy", c.launchedBy())
                    .param("launchedAt", Timestamps.utc(c.launchedAt())).param("dueBy", Timestamps.utc(c.outreachDueBy()))
                    .param("version", c.version()).update();
        } else {
            jdbc.sql("""
                    UPDATE campaign SET state = :state, ticket_count = :tickets, outreach_opened_at = :openedAt,
                        contact_due_at = :contactDue, closed_by = :closedBy, closed_at = :closedAt, summary = :summary,
                        version = :version
                     WHERE id = :id
                    """)
                    .param("id", c.id()).param("state", c.state().name()).param("tickets", c.ticketCount())
                    .param("openedAt", Timestamps.utc(c.outreachOpenedAt()))
                    .param("contactDue", Timestamps.utc(c.contactDueAt())).param("closedBy", c.closedBy())
                    .param("closedAt", Timestamps.utc(c.closedAt())).param("summary", c.summary())
                    .param("version", c.version()).update();
        }
        outbox.appendAll(change.events());
    }

    public Optional<Campaign> findForUpdate(UUID id) {
        return jdbc.sql("SELECT * FROM campaign WHERE id = :id FOR UPDATE").param("id", id).query(this::map).optional();
    }

    public Optional<Campaign> find(UUID id) {
        return jdbc.sql("SELECT * FROM campaign WHERE id = :id").param("id", id).query(this::map).optional();
    }

    /**
     * @param overdue true: only campaigns still LAUNCHED past their contact window; false: all others; null: any
     */
    public PageOf<Campaign> search(CampaignState state, String productModel, Boolean overdue, Instant now,
                                   Paging paging) {
        String where = """
                 WHERE (CAST(:state AS text) IS NULL OR state = :state)
                   AND (CAST(:model AS text) IS NULL OR product_model = :model)
                   AND (CAST(:overdue AS boolean) IS NULL
                        OR (state = 'LAUNCHED' AND outreach_due_by < :now) = CAST(:overdue AS boolean))
                """;
        String stateName = state == null ? null : state.name();
        long total = jdbc.sql("SELECT count(*) FROM campaign" + where)
                .param("state", stateName).param("model", productModel).param("overdue", overdue)
                .param("now", Timestamps.utc(now)).query(Long.class).single();
        List<Campaign> campaigns = jdbc.sql("SELECT * FROM campaign" + where
                        + " ORDER BY launched_at DESC, id LIMIT :limit OFFSET :offset")
                .param("state", stateName).param("model", productModel).param("overdue", overdue)
                .param("now", Timestamps.utc(now)).param("limit", paging.size()).param("offset", paging.offset())
                .query(this::map).list();
        return paging.of(campaigns, total);
    }

    private Campaign map(ResultSet rs, int row) throws SQLException {
        return Campaign.builder().id(rs.getObject("id", UUID.class)).number(rs.getString("number"))
                .productModel(rs.getString("product_model")).serialFrom(rs.getString("serial_from"))
                .serialTo(rs.getString("serial_to")).factoryDateFrom(rs.getObject("factory_date_from", LocalDate.class))
                .factoryDateTo(rs.getObject("factory_date_to", LocalDate.class))
                .description(rs.getString("description")).actionToTake(rs.getString("action_to_take"))
                .contactWithinHours(rs.getInt("contact_within_hours"))
                .improvementReportId(rs.getObject("improvement_report_id", UUID.class))
                .state(CampaignState.valueOf(rs.getString("state"))).launchedBy(rs.getString("launched_by"))
                .launchedAt(Timestamps.instant(rs, "launched_at"))
                .outreachDueBy(Timestamps.instant(rs, "outreach_due_by"))
                .ticketCount((Integer) rs.getObject("ticket_count"))
                .outreachOpenedAt(Timestamps.instant(rs, "outreach_opened_at"))
                .contactDueAt(Timestamps.instant(rs, "contact_due_at")).closedBy(rs.getString("closed_by"))
                .closedAt(Timestamps.instant(rs, "closed_at")).summary(rs.getString("summary"))
                .version(rs.getInt("version")).build();
    }
}
