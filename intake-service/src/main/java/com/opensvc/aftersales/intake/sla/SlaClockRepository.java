package com.opensvc.aftersales.intake.sla;

import static com.opensvc.aftersales.data.Timestamps.instant;
import static com.opensvc.aftersales.data.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

@Repository
@RequiredArgsConstructor
public class SlaClockRepository {
    private final JdbcClient jdbc;

    /** Inserts an open clock unless one of that kind is already open for the ticket; true when inserted. */
    public boolean insert(SlaClock clock, Instant remindAt) {
        return jdbc.sql("""
                INSERT INTO sla_clock (id, ticket_id, kind, calendar, state, started_at, due_at, remind_at, paused_at, remaining_ms)
                VALUES (:id, :ticket, :kind, :calendar, :state, :started, :due, :remind, :paused, :remaining)
                ON CONFLICT DO NOTHING
                """).param("id", clock.id()).param("ticket", clock.ticketId()).param("kind", clock.kind().name())
                .param("calendar", clock.calendar()).param("state", clock.state().name())
                .param("started", utc(clock.startedAt())).param("due", utc(clock.dueAt())).param("remind", utc(remindAt))
                .param("paused", utc(clock.pausedAt()))
                .param("remaining", clock.remaining() == null ? null : clock.remaining().toMillis()).update() == 1;
    }

    /** The open (RUNNING or PAUSED) clocks of a ticket, row-locked. */
    public List<SlaClock> openForUpdate(UUID ticketId) {
        return jdbc.sql("SELECT * FROM sla_clock WHERE ticket_id = :ticket AND state IN ('RUNNING', 'PAUSED') FOR UPDATE")
                .param("ticket", ticketId).query(this::map).list();
    }

    public void finish(UUID id, SlaClock.State state, Instant at) {
        jdbc.sql("""
                UPDATE sla_clock SET state = :state, met_at = CASE WHEN :state = 'MET' THEN :at END,
                    version = version + 1 WHERE id = :id
                """).param("id", id).param("state", state.name()).param("at", utc(at)).update();
    }

    public void pause(UUID id, Instant at, Duration remaining) {
        jdbc.sql("""
                UPDATE sla_clock SET state = 'PAUSED', paused_at = :at, remaining_ms = :remaining, due_at = NULL,
                    remind_at = NULL, version = version + 1 WHERE id = :id
                """).param("id", id).param("at", utc(at)).param("remaining", remaining.toMillis()).update();
    }

    public void run(UUID id, Instant due, Instant remindAt) {
        jdbc.sql("""
                UPDATE sla_clock SET state = 'RUNNING', due_at = :due, remind_at = :remind, paused_at = NULL,
                    remaining_ms = NULL, version = version + 1 WHERE id = :id
                """).param("id", id).param("due", utc(due)).param("remind", utc(remindAt)).update();
    }

    /** Claims due clocks for breaching: another replica's claimed rows are skipped, never waited for (SLA-07). */
    public List<SlaClock> claimDue(Instant now, int limit) {
        return jdbc.sql("""
                SELECT * FROM sla_clock WHERE state = 'RUNNING' AND due_at <= :now
                ORDER BY due_at LIMIT :limit FOR UPDATE SKIP LOCKED
                """).param("now", utc(now)).param("limit", limit).query(this::map).list();
    }

    public void breach(UUID id, Instant at, int level) {
        jdbc.sql("UPDATE sla_clock SET state = 'BREACHED', breached_at = :at, level = :level, version = version + 1 WHERE id = :id")
                .param("id", id).param("at", utc(at)).param("level", level).update();
    }

    /** SLA-06: the ticket's breached deadlines so far, its own clocks' and dispatch's visit clocks': its escalation level. */
    public int breachesOf(UUID ticketId) {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM sla_clock WHERE ticket_id = :ticket AND state = 'BREACHED')
                     + (SELECT count(*) FROM dispatch_sla_breach WHERE ticket_id = :ticket)
                """).param("ticket", ticketId).query(Integer.class).single();
    }

    /** Issue 18: {@link #breachesOf} for many tickets with one query; every ticket asked for is in the map. */
    public Map<UUID, Integer> breachesOf(Collection<UUID> ticketIds) {
        Map<UUID, Integer> breaches = new HashMap<>();
        if (!ticketIds.isEmpty()) {
            jdbc.sql("""
                    SELECT t.id, (SELECT count(*) FROM sla_clock c WHERE c.ticket_id = t.id AND c.state = 'BREACHED')
                               + (SELECT count(*) FROM dispatch_sla_breach d WHERE d.ticket_id = t.id)
                      FROM unnest(CAST(:tickets AS uuid[])) AS t(id)
                    """).param("tickets", ticketIds.stream().map(UUID::toString).toArray(String[]::new))
                    .query((rs, row) -> Map.entry(rs.getObject(1, UUID.class), rs.getInt(2))).list()
                    .forEach(e -> breaches.put(e.getKey(), e.getValue()));
        }
        return breaches;
    }

    /** SLA-06: writes a batch of breached clocks (state, breach time, level) with one statement. */
    void saveBreaches(List<SlaBreach> breaches) {
        if (breaches.isEmpty()) {
            return;
        }
        jdbc.sql("""
                UPDATE sla_clock c SET state = 'BREACHED', breached_at = b.at, level = b.level, version = c.version + 1
                  FROM unnest(CAST(:ids AS uuid[]), CAST(:levels AS int[]), CAST(:ats AS timestamptz[])) AS b(id, level, at)
                 WHERE c.id = b.id
                """)
                .param("ids", breaches.stream().map(b -> b.clock().id().toString()).toArray(String[]::new))
                .param("levels", breaches.stream().map(b -> b.clock().level().toString()).toArray(String[]::new))
                .param("ats", breaches.stream().map(b -> b.clock().breachedAt().toString()).toArray(String[]::new))
                .update();
    }

    /** SLA-06: one of dispatch's visit-clock breaches; false when it was recorded before (EVT-04). */
    boolean recordDispatchBreach(UUID ticketId, UUID workOrderId, String clock, Instant dueAt, Instant breachedAt,
                                 String technicianId, int level, Instant receivedAt) {
        return jdbc.sql("""
                INSERT INTO dispatch_sla_breach (ticket_id, work_order_id, clock, due_at, breached_at, technician_id,
                    level, received_at)
                VALUES (:ticket, :workOrder, :clock, :due, :breached, :technician, :level, :received)
                ON CONFLICT DO NOTHING
                """).param("ticket", ticketId).param("workOrder", workOrderId).param("clock", clock)
                .param("due", utc(dueAt)).param("breached", utc(breachedAt)).param("technician", technicianId)
                .param("level", level).param("received", utc(receivedAt)).update() == 1;
    }

    public List<SlaClock> claimReminders(Instant now, int limit) {
        return jdbc.sql("""
                SELECT * FROM sla_clock WHERE state = 'RUNNING' AND reminded_at IS NULL AND remind_at <= :now
                ORDER BY remind_at LIMIT :limit FOR UPDATE SKIP LOCKED
                """).param("now", utc(now)).param("limit", limit).query(this::map).list();
    }

    public void reminded(UUID id, Instant at) {
        jdbc.sql("UPDATE sla_clock SET reminded_at = :at WHERE id = :id").param("id", id).param("at", utc(at)).update();
    }

    public void recordReminder(SlaClock clock, String person, String role, Instant at) {
        jdbc.sql("""
                INSERT INTO sla_reminder (clock_id, ticket_id, person, role, due_at, sent_at)
                VALUES (:clock, :ticket, :person, :role, :due, :at)
                """).param("clock", clock.id()).param("ticket", clock.ticketId()).param("person", person)
                .param("role", role).param("due", utc(clock.dueAt())).param("at", utc(at)).update();
    }

    public record Reminder(UUID ticketId, String clock, String person, String role, Instant dueAt, Instant sentAt) {
    }

    public List<Reminder> remindersFor(String person, List<String> roles, Instant since) {
        return jdbc.sql("""
                SELECT r.ticket_id, c.kind, r.person, r.role, r.due_at, r.sent_at FROM sla_reminder r
                JOIN sla_clock c ON c.id = r.clock_id
                WHERE (r.person = :person OR (r.person IS NULL AND r.role = ANY(:roles))) AND r.sent_at >= :since
                ORDER BY r.due_at
                """).param("person", person).param("roles", roles.toArray(String[]::new)).param("since", utc(since))
                .query((rs, n) -> new Reminder(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), instant(rs, 5), instant(rs, 6))).list();
    }

    public List<SlaClock> ofTicket(UUID ticketId) {
        return jdbc.sql("SELECT * FROM sla_clock WHERE ticket_id = :ticket ORDER BY started_at, kind")
                .param("ticket", ticketId).query(this::map).list();
    }

    /** Open deadlines by due time (running first by due, then paused). */
    public PageOf<SlaClock> open(ClockKind kind, Instant dueBefore, Paging paging) {
        String where = " WHERE state IN ('RUNNING', 'PAUSED')" + (kind == null ? "" : " AND kind = :kind")
                + (dueBefore == null ? "" : " AND due_at <= :dueBefore");
        var count = jdbc.sql("SELECT count(*) FROM sla_clock" + where);
        var list = jdbc.sql("SELECT * FROM sla_clock" + where + " ORDER BY due_at NULLS LAST, started_at LIMIT :limit OFFSET :offset");
        if (kind != null) {
            count = count.param("kind", kind.name());
            list = list.param("kind", kind.name());
        }
        if (dueBefore != null) {
            count = count.param("dueBefore", utc(dueBefore));
            list = list.param("dueBefore", utc(dueBefore));
        }
        return paging.of(list.param("limit", paging.size()).param("offset", paging.offset()).query(this::map).list(),
                count.query(Long.class).single());
    }

    /** Breached clocks, newest first, optionally of one escalation level. */
    public PageOf<SlaClock> breached(Integer level, Paging paging) {
        String where = " WHERE state = 'BREACHED'" + (level == null ? "" : " AND level = :level");
        var count = jdbc.sql("SELECT count(*) FROM sla_clock" + where);
        var list = jdbc.sql("SELECT * FROM sla_clock" + where + " ORDER BY breached_at DESC LIMIT :limit OFFSET :offset");
        if (level != null) {
            count = count.param("level", level);
            list = list.param("level", level);
        }
        return paging.of(list.param("limit", paging.size()).param("offset", paging.offset()).query(this::map).list(),
                count.query(Long.class).single());
    }

    private SlaClock map(ResultSet rs, int row) throws SQLException {
        long remaining = rs.getLong("remaining_ms");
        boolean hasRemaining = !rs.wasNull();
        int level = rs.getInt("level");
        boolean hasLevel = !rs.wasNull();
        return new SlaClock(rs.getObject("id", UUID.class), rs.getObject("ticket_id", UUID.class),
                ClockKind.valueOf(rs.getString("kind")), rs.getString("calendar"),
                SlaClock.State.valueOf(rs.getString("state")), instant(rs, "started_at"), instant(rs, "due_at"),
                instant(rs, "paused_at"), hasRemaining ? Duration.ofMillis(remaining) : null, instant(rs, "met_at"),
                instant(rs, "breached_at"), hasLevel ? level : null);
    }
}
