package com.opensvc.aftersales.intake.outreach;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.web.PageOf;

/** Defect campaigns, their progress, and the outreach tickets they create: all set-based SQL. */
@Repository
public class OutreachRepository {
    private final JdbcClient jdbc;

    public OutreachRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

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
                .param("launchedAt", utc(c.launchedAt())).param("dueAt", utc(c.contactDueAt())).param("actor", c.actor())
                .param("eventId", eventId).param("receivedAt", utc(receivedAt))
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

    public record Batch(int picked, int created, String lastSerial) {
    }

    /**
     * Creates the next batch of outreach tickets in one statement: the next {@code size} affected installed products
     * after the cursor (serial order), a block of ticket numbers reserved with one upsert of the year's counter, the
     * tickets and their REGISTERED history rows. The customer is the end user when the installed base knows one,
     * else the buying customer; the contact is that customer's primary contact.
     */
    public Batch createBatch(OpenCampaign open, int size, int year, LocalDate today, Instant now) {
        DefectCampaign c = open.campaign();
        String detail = "outreach for " + (c.campaignNumber() == null ? "defect campaign " + c.campaignId()
                : "defect campaign " + c.campaignNumber()) + " (INT-17); contact due " + c.contactDueAt();
        return jdbc.sql("""
                WITH picked AS (
                    SELECT p.id, p.serial_number, p.product_model, p.product_line, p.ship_date,
                           COALESCE(p.end_user_customer_id, p.customer_id) AS customer_id
                    FROM installed_product p
                    WHERE p.product_model = :model
                      AND (CAST(:serialFrom AS text) IS NULL OR p.serial_number COLLATE "C" >= CAST(:serialFrom AS text))
                      AND (CAST(:serialTo AS text) IS NULL OR p.serial_number COLLATE "C" <= CAST(:serialTo AS text))
                      AND (CAST(:factoryFrom AS date) IS NULL OR p.factory_date >= CAST(:factoryFrom AS date))
                      AND (CAST(:factoryTo AS date) IS NULL OR p.factory_date <= CAST(:factoryTo AS date))
                      AND (CAST(:after AS text) IS NULL OR p.serial_number COLLATE "C" > CAST(:after AS text))
                    ORDER BY p.serial_number COLLATE "C"
                    LIMIT :size
                ),
                numbered AS (
                    SELECT picked.*, row_number() OVER (ORDER BY serial_number COLLATE "C") AS n,
                           count(*) OVER () AS total
                    FROM picked
                ),
                reserved AS (
                    INSERT INTO ticket_number_counter (year, last)
                    SELECT :year, count(*) FROM picked HAVING count(*) > 0
                    ON CONFLICT (year) DO UPDATE SET last = ticket_number_counter.last + EXCLUDED.last
                    RETURNING last
                ),
                inserted AS (
                    INSERT INTO ticket (id, number, customer_id, installed_product_id, contact_id, product_model,
                        product_line, serial_number, ship_date, reported_on, fault_description, channel, kind, category,
                        classification, routed_to, service_type, priority, entitlement, computed_entitlement,
                        entitlement_reason, customer_blocked, quality_must_report, expected_parts, state, version,
                        created_at, created_by, updated_at, campaign_id, contact_due_at)
                    SELECT gen_random_uuid(),
                           'T-' || CAST(:year AS text) || '-' || lpad(num::text, greatest(6, length(num::text)), '0'),
                           b.customer_id, b.id,
                           (SELECT cc.id FROM customer_contact cc WHERE cc.customer_id = b.customer_id
                             ORDER BY cc.is_primary DESC, cc.position LIMIT 1),
                           b.product_model, b.product_line, b.serial_number, b.ship_date, :today, :fault,
                           'INTERNAL_REFERRAL', 'OUTREACH', 'DEFECT_CAMPAIGN', 'AFTER_SALES', 'AFTER_SALES', 'ON_SITE',
                           'NORMAL', 'FREE_REPAIR', 'FREE_REPAIR', :entitlementReason, c.blocked, false, '[]'::jsonb,
                           'REGISTERED', 0, :now, :actor, :now, :campaign, :dueAt
                    FROM (SELECT numbered.*, reserved.last - numbered.total + numbered.n AS num
                          FROM numbered CROSS JOIN reserved) b
                    JOIN customer c ON c.id = b.customer_id
                    ON CONFLICT (campaign_id, installed_product_id) WHERE campaign_id IS NOT NULL DO NOTHING
                    RETURNING id
                ),
                history AS (
                    INSERT INTO ticket_history (ticket_id, at, actor, action, from_state, to_state, detail)
                    SELECT id, :now, :actor, 'REGISTERED', NULL, 'REGISTERED', :detail FROM inserted
                    RETURNING 1
                )
                SELECT (SELECT count(*) FROM picked) AS picked,
                       (SELECT count(*) FROM inserted) AS created,
                       (SELECT count(*) FROM history) AS history,
                       (SELECT serial_number FROM picked ORDER BY serial_number COLLATE "C" DESC LIMIT 1) AS last_serial
                """)
                .param("model", c.productModel()).param("serialFrom", c.serialFrom()).param("serialTo", c.serialTo())
                .param("factoryFrom", c.factoryDateFrom()).param("factoryTo", c.factoryDateTo())
                .param("after", open.lastSerial()).param("size", size).param("year", year).param("today", today)
                .param("fault", c.faultDescription())
                .param("entitlementReason", "defect campaign (QLT-08): remedied at the company's cost")
                .param("now", utc(now)).param("actor", c.actor()).param("campaign", c.campaignId())
                .param("dueAt", utc(c.contactDueAt())).param("detail", detail)
                .query((rs, n) -> new Batch(rs.getInt("picked"), rs.getInt("created"), rs.getString("last_serial")))
                .single();
    }

    /** Moves the cursor past the batch; completes the campaign when the batch was its last. */
    public int advance(UUID campaignId, Batch batch, boolean completed, Instant now) {
        return jdbc.sql("""
                UPDATE defect_campaign SET last_serial = COALESCE(:last, last_serial),
                    tickets_created = tickets_created + :created, completed_at = :completedAt
                WHERE campaign_id = :id RETURNING tickets_created
                """)
                .param("id", campaignId).param("last", batch.lastSerial()).param("created", batch.created())
                .param("completedAt", completed ? utc(now) : null)
                .query(Integer.class).single();
    }

    public record Progress(UUID campaignId, String campaignNumber, int ticketsCreated, Instant completedAt) {
    }

    public Optional<Progress> progress(UUID campaignId) {
        return jdbc.sql("SELECT campaign_id, campaign_number, tickets_created, completed_at FROM defect_campaign WHERE campaign_id = :id")
                .param("id", campaignId)
                .query((rs, n) -> new Progress(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
                        instant(rs.getObject(4, OffsetDateTime.class)))).optional();
    }

    /**
     * Outreach tickets still to contact (REGISTERED), earliest due first, so the overdue ones lead.
     *
     * @param overdueOnly only those whose contact is already overdue at {@code now}
     */
    public PageOf<OutreachTicket> dueForContact(UUID campaignId, boolean overdueOnly, Instant now, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE t.kind = 'OUTREACH' AND t.state = 'REGISTERED'");
        Map<String, Object> params = new LinkedHashMap<>();
        if (campaignId != null) {
            where.append(" AND t.campaign_id = :campaign");
            params.put("campaign", campaignId);
        }
        if (overdueOnly) {
            where.append(" AND t.contact_due_at < :now");
        }
        params.put("now", utc(now));
        long total = jdbc.sql("SELECT count(*) FROM ticket t" + where).params(params).query(Long.class).single();
        List<OutreachTicket> items = jdbc.sql("""
                SELECT t.id, t.number, t.campaign_id, d.campaign_number, t.customer_id, c.name AS customer_name,
                       t.installed_product_id, t.product_model, t.serial_number, t.state, t.contact_due_at,
                       t.contact_due_at < :now AS overdue, t.created_at
                FROM ticket t JOIN customer c ON c.id = t.customer_id
                LEFT JOIN defect_campaign d ON d.campaign_id = t.campaign_id
                """ + where + " ORDER BY t.contact_due_at, t.number LIMIT :limit OFFSET :offset")
                .params(params).param("limit", size).param("offset", (long) page * size)
                .query(OutreachRepository::outreachTicket).list();
        return new PageOf<>(items, page, size, total);
    }

    private static OutreachTicket outreachTicket(ResultSet rs, int row) throws SQLException {
        return new OutreachTicket(rs.getObject("id", UUID.class), rs.getString("number"),
                rs.getObject("campaign_id", UUID.class), rs.getString("campaign_number"),
                rs.getObject("customer_id", UUID.class), rs.getString("customer_name"),
                rs.getObject("installed_product_id", UUID.class), rs.getString("product_model"),
                rs.getString("serial_number"), rs.getString("state"),
                instant(rs.getObject("contact_due_at", OffsetDateTime.class)), rs.getBoolean("overdue"),
                instant(rs.getObject("created_at", OffsetDateTime.class)));
    }

    private static DefectCampaign campaign(ResultSet rs) throws SQLException {
        return new DefectCampaign(rs.getObject("campaign_id", UUID.class), rs.getString("campaign_number"),
                rs.getString("product_model"), rs.getString("serial_from"), rs.getString("serial_to"),
                rs.getObject("factory_date_from", LocalDate.class), rs.getObject("factory_date_to", LocalDate.class),
                rs.getString("description"), rs.getString("action_to_take"),
                instant(rs.getObject("launched_at", OffsetDateTime.class)),
                instant(rs.getObject("contact_due_at", OffsetDateTime.class)), rs.getString("actor"));
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
