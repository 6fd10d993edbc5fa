package com.opensvc.aftersales.parts.transfer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.data.Timestamps;
import com.opensvc.aftersales.parts.stock.PartLine;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

@Repository
@RequiredArgsConstructor
class TransferRepository {
    private final JdbcClient jdbc;

    void insert(Transfer transfer) {
        jdbc.sql("""
                INSERT INTO transfer (id, from_location, to_location, reason, actor, transferred_at)
                VALUES (:id, :from, :to, :reason, :actor, :at)
                """)
                .param("id", transfer.id()).param("from", transfer.from()).param("to", transfer.to())
                .param("reason", transfer.reason()).param("actor", transfer.transferredBy())
                .param("at", Timestamps.utc(transfer.transferredAt())).update();
        for (PartLine line : transfer.lines()) {
            jdbc.sql("INSERT INTO transfer_line (transfer_id, part_number, quantity) VALUES (:id, :part, :qty)")
                    .param("id", transfer.id()).param("part", line.partNumber()).param("qty", line.quantity()).update();
        }
    }

    /** The transfer without its fills. */
    Optional<Transfer> find(UUID id) {
        return withLines(jdbc.sql("SELECT * FROM transfer WHERE id = :id").param("id", id).query(this::map).list())
                .stream().findFirst();
    }

    List<Transfer> search(String from, String to, Paging paging) {
        return withLines(jdbc.sql("""
                SELECT * FROM transfer
                 WHERE (CAST(:from AS text) IS NULL OR from_location = :from)
                   AND (CAST(:to AS text) IS NULL OR to_location = :to)
                 ORDER BY transferred_at DESC, id LIMIT :limit OFFSET :offset
                """)
                .param("from", from).param("to", to).param("limit", paging.size()).param("offset", paging.offset())
                .query(this::map).list());
    }

    long count(String from, String to) {
        return jdbc.sql("""
                SELECT count(*) FROM transfer
                 WHERE (CAST(:from AS text) IS NULL OR from_location = :from)
                   AND (CAST(:to AS text) IS NULL OR to_location = :to)
                """)
                .param("from", from).param("to", to).query(Long.class).single();
    }

    private List<Transfer> withLines(List<Transfer> transfers) {
        if (transfers.isEmpty()) {
            return transfers;
        }
        Map<UUID, List<PartLine>> lines = new HashMap<>();
        jdbc.sql("SELECT * FROM transfer_line WHERE transfer_id IN (:ids) ORDER BY part_number")
                .param("ids", transfers.stream().map(Transfer::id).toList()).query(rs -> {
                    lines.computeIfAbsent(rs.getObject("transfer_id", UUID.class), k -> new ArrayList<>())
                            .add(new PartLine(rs.getString("part_number"), rs.getInt("quantity")));
                });
        return transfers.stream().map(t -> new Transfer(t.id(), t.from(), t.to(), t.reason(),
                List.copyOf(lines.getOrDefault(t.id(), List.of())), t.transferredBy(), t.transferredAt(),
                t.filled())).toList();
    }

    private Transfer map(ResultSet rs, int row) throws SQLException {
        return new Transfer(rs.getObject("id", UUID.class), rs.getString("from_location"),
                rs.getString("to_location"), rs.getString("reason"), List.of(), rs.getString("actor"),
                Timestamps.instant(rs, "transferred_at"), List.of());
    }
}
