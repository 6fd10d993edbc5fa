package com.opensvc.aftersales.intake.outreach;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.data.Timestamps;
import com.opensvc.aftersales.intake.ticket.OutreachTickets;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

/** Defect campaigns and their progress; the desk's list of the outreach tickets they created (a read of tickets). */
@Repository
@RequiredArgsConstructor
public class OutreachRepository {
    private final JdbcClient jdbc;

    /** Records a received campaign; false if it was already recorded (a redelivered or republished event). */
    public boolean record(DefectCampaign c, UUID eventId, Instant receivedAt) {
        return jdbc.sql("""
                INSERT INTO defect_campaign (campaign_id, campaign_number, product_model, serial_from, serial_to,
                    factory_date_from, factory_date_to, description, action_to_take, launched_at, contact_due_at, actor,
                    event_id, received_at)
                VALUES (:id, :number, :model, :serialFrom, :serialTo, :factoryFrom, :factoryTo, :description, :action,
                    :launchedAt, :dueAt, :actor, :eventId, :receivedAt)
                ON CONFLICT (campaign_id) DO NOTHING
                """)
                .param("id", c.campaignId()).param("number", c.campaignNumber()).param("model", c.productModel())
                .param("serialFrom", c.serialFrom()).param("serialTo", c.serialTo())
                .param("factoryFrom", c.factoryDateFrom()).param("factoryTo", c.factoryDateTo())
                .param("description", c.description()).param("action", c.actionToTake())
                .param("launchedAt", Timestamps.utc(c.launchedAt())).param("dueAt", Timestamps.utc(c.contactDueAt())).param("actor", c.actor())
                .param("eventId", eventId).param("receivedAt", Timestamps.utc(receivedAt))
                .update() == 1;
    }

    /** A campaign still creating tickets, with its cursor. */
    public record OpenCampaign(DefectCampaign campaign, String lastSerial, int ticketsCreated) {
    }

    /**
     * Claims the oldest campaign still creating tickets, row-locked until the caller's transaction ends. Another
     * replica's worker skips it (SKIP LOCKED) and takes the next one, or nothing.
     */
    public Optional<OpenCampaign> claimOpen() {
        return jdbc.sql("""
                SELECT * FROM defect_campaign WHERE completed_at IS NULL ORDER BY received_at LIMIT 1 FOR UPDATE SKIP LOCKED
                """).query((rs, n) -> new OpenCampaign(campaign(rs), rs.getString("last_serial"),
                rs.getInt("tickets_created"))).optional();
    }

    /** Moves the cursor past the batch; completes the campaign when the batch was its last. */
    public int advance(UUID campaignId, OutreachTickets.Batch batch, boolean completed, Instant now) {
        return jdbc.sql("""
                UPDATE defect_campaign SET last_serial = COALESCE(:last, last_serial),
                    tickets_created = tickets_created + :created, completed_at = :completedAt
                WHERE campaign_id = :id RETURNING tickets_created
                """)
                .param("id", campaignId).param("last", batch.lastSerial()).param("created", batch.created())
                .param("completedAt", completed ? Timestamps.utc(now) : null)
                .query(Integer.class).single();
    }

    public record Progress(UUID campaignId, String campaignNumber, int ticketsCreated, Instant completedAt) {
    }

    public Optional<Progress> progress(UUID campaignId) {
        return jdbc.sql("SELECT campaign_id, campaign_number, tickets_created, completed_at FROM defect_campaign WHERE campaign_id = :id")
                .param("id", campaignId)
                .query((rs, n) -> new Progress(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
                        Timestamps.instant(rs, 4))).optional();
    }

    /**
     * Outreach tickets still to contact (REGISTERED), earliest due first, so the overdue ones lead.
     *
     * @param overdueOnly only those whose contact is already overdue at {@code now}
     */
    public PageOf<OutreachTicket> dueForContact(UUID campaignId, boolean overdueOnly, Instant now, Paging paging) {
        StringBuilder where = new StringBuilder(" WHERE t.kind = 'OUTREACH' AND t.state = 'REGISTERED'");
        Map<String, Object> params = new LinkedHashMap<>();
        if (campaignId != null) {
            where.append(" AND t.campaign_id = :campaign");
            params.put("campaign", campaignId);
        }
        if (overdueOnly) {
            where.append(" AND t.contact_due_at < :now");
        }
        params.put("now", Timestamps.utc(now));
        long total = jdbc.sql("SELECT count(*) FROM ticket t" + where).params(params).query(Long.class).single();
        List<OutreachTicket> items = jdbc.sql("""
                SELECT t.id, t.number, t.campaign_id, d.campaign_number, t.customer_id, c.name AS customer_name,
                       t.installed_product_id, t.product_model, t.serial_number, t.state, t.contact_due_at,
                       t.contact_due_at < :now AS overdue, t.created_at
                FROM ticket t JOIN customer c ON c.id = t.customer_id
                LEFT JOIN defect_campaign d ON d.campaign_id = t.campaign_id
                """ + where + " ORDER BY t.contact_due_at, t.number LIMIT :limit OFFSET :offset")
                .params(params).param("limit", paging.size()).param("offset", paging.offset())
                .query(OutreachRepository::outreachTicket).list();
        return paging.of(items, total);
    }

    private static OutreachTicket outreachTicket(ResultSet rs, int row) throws SQLException {
        return new OutreachTicket(rs.getObject("id", UUID.class), rs.getString("number"),
                rs.getObject("campaign_id", UUID.class), rs.getString("campaign_number"),
                rs.getObject("customer_id", UUID.class), rs.getString("customer_name"),
                rs.getObject("installed_product_id", UUID.class), rs.getString("product_model"),
                rs.getString("serial_number"), rs.getString("state"),
                Timestamps.instant(rs, "contact_due_at"), rs.getBoolean("overdue"),
                Timestamps.instant(rs, "created_at"));
    }

    private static DefectCampaign campaign(ResultSet rs) throws SQLException {
        return new DefectCampaign(rs.getObject("campaign_id", UUID.class), rs.getString("campaign_number"),
                rs.getString("product_model"), rs.getString("serial_from"), rs.getString("serial_to"),
                rs.getObject("factory_date_from", LocalDate.class), rs.getObject("factory_date_to", LocalDate.class),
                rs.getString("description"), rs.getString("action_to_take"),
                Timestamps.instant(rs, "launched_at"),
                Timestamps.instant(rs, "contact_due_at"), rs.getString("actor"));
    }
}
