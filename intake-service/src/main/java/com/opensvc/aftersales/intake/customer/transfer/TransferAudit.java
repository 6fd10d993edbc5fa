package com.opensvc.aftersales.intake.customer.transfer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.data.Timestamps;

import lombok.RequiredArgsConstructor;

/** SEC-04: who exported or imported customers, when, in which format, with which filters, how many rows. */
@Repository
@RequiredArgsConstructor
public class TransferAudit {
    private final JdbcClient jdbc;

    public enum Direction {
        EXPORT, IMPORT
    }

    public record Entry(UUID id, Direction direction, SheetFormat format, String actor, Instant startedAt,
                        Instant finishedAt, String filters, Integer rows, Integer created, Integer updated) {
    }

    /** Recorded before the first byte of an export is sent: an export cut short still shows who started it. */
    void started(UUID id, Direction direction, SheetFormat format, String actor, Instant at, String filters) {
        jdbc.sql("""
                INSERT INTO customer_transfer_audit (id, direction, format, actor, started_at, filters)
                VALUES (:id, :direction, :format, :actor, :at, :filters)
                """)
                .param("id", id).param("direction", direction.name()).param("format", format.name())
                .param("actor", actor).param("at", Timestamps.utc(at)).param("filters", filters).update();
    }

    void finished(UUID id, Instant at, int rows, Integer created, Integer updated) {
        jdbc.sql("""
                UPDATE customer_transfer_audit SET finished_at = :at, row_count = :rows, created_count = :created,
                    updated_count = :updated WHERE id = :id
                """)
                .param("id", id).param("at", Timestamps.utc(at)).param("rows", rows).param("created", created)
                .param("updated", updated).update();
    }

    public List<Entry> latest(int limit) {
        return jdbc.sql("SELECT * FROM customer_transfer_audit ORDER BY started_at DESC, id LIMIT :limit")
                .param("limit", limit).query(this::entry).list();
    }

    private Entry entry(ResultSet rs, int n) throws SQLException {
        return new Entry(rs.getObject("id", UUID.class), Direction.valueOf(rs.getString("direction")),
                SheetFormat.valueOf(rs.getString("format")), rs.getString("actor"), Timestamps.instant(rs, "started_at"),
                Timestamps.instant(rs, "finished_at"), rs.getString("filters"), (Integer) rs.getObject("row_count"),
                (Integer) rs.getObject("created_count"), (Integer) rs.getObject("updated_count"));
    }
}
