package com.opensvc.aftersales.parts.requisition;

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
import com.opensvc.aftersales.messaging.OutboxWriter;
import com.opensvc.aftersales.parts.stock.PartLine;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

/** Requisitions, their lines, demands and allocations, and in the same transaction their events (EVT-01). */
@Repository
@RequiredArgsConstructor
class RequisitionRepository {
    /** The advisory-lock key space of the automatic requisition of each store. */
    private static final int SHORTAGE_LOCKS = 5302;

    private final JdbcClient jdbc;
    private final OutboxWriter outbox;

    /** Writes the requisition as the change left it (new or updated), what it added, and its events. */
    void save(RequisitionChange change) {
        Requisition r = change.requisition();
        jdbc.sql("""
                INSERT INTO requisition (id, kind, origin, location, supplier, note, status, created_by, created_at,
                                         updated_at, version)
                VALUES (:id, :kind, :origin, :location, :supplier, :note, :status, :by, :created, :updated, :version)
                ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, updated_at = EXCLUDED.updated_at,
                                               version = EXCLUDED.version
                """)
                .param("id", r.id()).param("kind", r.kind().name()).param("origin", r.origin().name())
                .param("location", r.location()).param("supplier", r.supplier()).param("note", r.note())
                .param("status", r.status().name()).param("by", r.createdBy())
                .param("created", Timestamps.utc(r.createdAt())).param("updated", Timestamps.utc(r.updatedAt()))
                .param("version", r.version()).update();
        for (Requisition.Line line : r.lines()) {
            jdbc.sql("""
                    INSERT INTO requisition_line (requisition_id, part_number, requested, allocated, received)
                    VALUES (:id, :part, :requested, :allocated, :received)
                    ON CONFLICT (requisition_id, part_number) DO UPDATE SET requested = EXCLUDED.requested,
                        allocated = EXCLUDED.allocated, received = EXCLUDED.received
                    """)
                    .param("id", r.id()).param("part", line.partNumber()).param("requested", line.requested())
                    .param("allocated", line.allocated()).param("received", line.received()).update();
        }
        for (Requisition.Demand demand : change.addedDemands()) {
            jdbc.sql("""
                    INSERT INTO requisition_source (requisition_id, part_number, quantity, work_order_id, ticket_id,
                                                    backorder_id, actor, added_at)
                    VALUES (:id, :part, :qty, :workOrder, :ticket, :backorder, :actor, :at)
                    """)
                    .param("id", r.id()).param("part", demand.partNumber()).param("qty", demand.quantity())
                    .param("workOrder", demand.workOrderId()).param("ticket", demand.ticketId())
                    .param("backorder", demand.backorderId()).param("actor", demand.actor())
                    .param("at", Timestamps.utc(demand.addedAt())).update();
        }
        Allocation allocation = change.allocation();
        if (allocation != null) {
            jdbc.sql("""
                    INSERT INTO allocation (id, requisition_id, packing_list, from_location, to_location, actor,
                                            allocated_at)
                    VALUES (:id, :requisition, :packingList, :from, :to, :actor, :at)
                    """)
                    .param("id", allocation.id()).param("requisition", r.id())
                    .param("packingList", allocation.packingList()).param("from", allocation.from())
                    .param("to", allocation.to()).param("actor", allocation.allocatedBy())
                    .param("at", Timestamps.utc(allocation.allocatedAt())).update();
            for (PartLine line : allocation.lines()) {
                jdbc.sql("INSERT INTO allocation_line (allocation_id, part_number, quantity) VALUES (:id, :part, :qty)")
                        .param("id", allocation.id()).param("part", line.partNumber()).param("qty", line.quantity())
                        .update();
            }
        }
        outbox.appendAll(change.events());
    }

    /**
     * PRT-01: shortages at one store take turns at its automatic requisition, so concurrent ones add to the same
     * requisition instead of both raising one.
     */
    void lockShortages(String location) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:space, hashtext(:location))")
                .param("space", SHORTAGE_LOCKS).param("location", location).query().listOfRows();
    }

    /** The store's open automatic replenishment requisition, row-locked. */
    Optional<Requisition> openShortageForUpdate(String location) {
        return withDetails(jdbc.sql("""
                SELECT * FROM requisition WHERE location = :location AND origin = 'SHORTAGE' AND status = 'OPEN'
                 FOR UPDATE
                """).param("location", location).query(this::map).list()).stream().findFirst();
    }

    Optional<Requisition> findForUpdate(UUID id) {
        return withDetails(jdbc.sql("SELECT * FROM requisition WHERE id = :id FOR UPDATE").param("id", id)
                .query(this::map).list()).stream().findFirst();
    }

    Optional<Requisition> find(UUID id) {
        return withDetails(jdbc.sql("SELECT * FROM requisition WHERE id = :id").param("id", id)
                .query(this::map).list()).stream().findFirst();
    }

    List<Requisition> search(RequisitionKind kind, RequisitionStatus status, String location, Paging paging) {
        return withDetails(jdbc.sql("""
                SELECT * FROM requisition
                 WHERE (CAST(:kind AS text) IS NULL OR kind = :kind)
                   AND (CAST(:status AS text) IS NULL OR status = :status)
                   AND (CAST(:location AS text) IS NULL OR location = :location)
                 ORDER BY created_at, id LIMIT :limit OFFSET :offset
                """)
                .param("kind", name(kind)).param("status", name(status)).param("location", location)
                .param("limit", paging.size()).param("offset", paging.offset()).query(this::map).list());
    }

    long count(RequisitionKind kind, RequisitionStatus status, String location) {
        return jdbc.sql("""
                SELECT count(*) FROM requisition
                 WHERE (CAST(:kind AS text) IS NULL OR kind = :kind)
                   AND (CAST(:status AS text) IS NULL OR status = :status)
                   AND (CAST(:location AS text) IS NULL OR location = :location)
                """)
                .param("kind", name(kind)).param("status", name(status)).param("location", location)
                .query(Long.class).single();
    }

    private List<Requisition> withDetails(List<Requisition> requisitions) {
        if (requisitions.isEmpty()) {
            return requisitions;
        }
        List<UUID> ids = requisitions.stream().map(Requisition::id).toList();
        Map<UUID, List<Requisition.Line>> lines = new HashMap<>();
        jdbc.sql("SELECT * FROM requisition_line WHERE requisition_id IN (:ids) ORDER BY part_number")
                .param("ids", ids).query(rs -> {
                    lines.computeIfAbsent(rs.getObject("requisition_id", UUID.class), k -> new ArrayList<>())
                            .add(new Requisition.Line(rs.getString("part_number"), rs.getInt("requested"),
                                    rs.getInt("allocated"), rs.getInt("received")));
                });
        Map<UUID, List<Requisition.Demand>> demands = new HashMap<>();
        jdbc.sql("SELECT * FROM requisition_source WHERE requisition_id IN (:ids) ORDER BY seq")
                .param("ids", ids).query(rs -> {
                    demands.computeIfAbsent(rs.getObject("requisition_id", UUID.class), k -> new ArrayList<>())
                            .add(new Requisition.Demand(rs.getString("part_number"), rs.getInt("quantity"),
                                    rs.getObject("work_order_id", UUID.class), rs.getObject("ticket_id", UUID.class),
                                    rs.getObject("backorder_id", UUID.class), rs.getString("actor"),
                                    Timestamps.instant(rs, "added_at")));
                });
        Map<UUID, List<PartLine>> allocated = new HashMap<>();
        jdbc.sql("""
                SELECT l.* FROM allocation_line l JOIN allocation a ON a.id = l.allocation_id
                 WHERE a.requisition_id IN (:ids) ORDER BY l.part_number
                """)
                .param("ids", ids).query(rs -> {
                    allocated.computeIfAbsent(rs.getObject("allocation_id", UUID.class), k -> new ArrayList<>())
                            .add(new PartLine(rs.getString("part_number"), rs.getInt("quantity")));
                });
        Map<UUID, List<Allocation>> allocations = new HashMap<>();
        jdbc.sql("SELECT * FROM allocation WHERE requisition_id IN (:ids) ORDER BY allocated_at, id")
                .param("ids", ids).query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    UUID requisition = rs.getObject("requisition_id", UUID.class);
                    allocations.computeIfAbsent(requisition, k -> new ArrayList<>())
                            .add(new Allocation(id, requisition, rs.getString("packing_list"),
                                    rs.getString("from_location"), rs.getString("to_location"),
                                    List.copyOf(allocated.getOrDefault(id, List.of())), rs.getString("actor"),
                                    Timestamps.instant(rs, "allocated_at")));
                });
        return requisitions.stream().map(r -> new Requisition(r.id(), r.kind(), r.origin(), r.location(),
                r.supplier(), r.note(), r.status(), List.copyOf(lines.getOrDefault(r.id(), List.of())),
                List.copyOf(demands.getOrDefault(r.id(), List.of())),
                List.copyOf(allocations.getOrDefault(r.id(), List.of())), r.createdBy(), r.createdAt(),
                r.updatedAt(), r.version())).toList();
    }

    private Requisition map(ResultSet rs, int row) throws SQLException {
        return new Requisition(rs.getObject("id", UUID.class), RequisitionKind.valueOf(rs.getString("kind")),
                RequisitionOrigin.valueOf(rs.getString("origin")), rs.getString("location"),
                rs.getString("supplier"), rs.getString("note"), RequisitionStatus.valueOf(rs.getString("status")),
                List.of(), List.of(), List.of(), rs.getString("created_by"), Timestamps.instant(rs, "created_at"),
                Timestamps.instant(rs, "updated_at"), rs.getInt("version"));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
