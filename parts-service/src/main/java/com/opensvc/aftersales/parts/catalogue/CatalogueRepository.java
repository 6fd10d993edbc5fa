package com.opensvc.aftersales.parts.catalogue;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.data.Timestamps;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

/** The only SQL that writes {@code part}, {@code part_fitting_model} and {@code part_price_change}. */
@Repository
@RequiredArgsConstructor
class CatalogueRepository {
    private final JdbcClient jdbc;

    /** False (nothing written) when the part number is taken. */
    boolean insert(Part part) {
        int inserted = jdbc.sql("""
                INSERT INTO part (part_number, description, unit_price, serialised, active, version, updated_at,
                    updated_by)
                VALUES (:part, :description, :price, :serialised, :active, 0, :at, :by) ON CONFLICT DO NOTHING
                """)
                .param("part", part.partNumber()).param("description", part.description())
                .param("price", part.unitPrice()).param("serialised", part.serialised()).param("active", part.active())
                .param("at", Timestamps.utc(part.updatedAt())).param("by", part.updatedBy()).update();
        if (inserted == 1) {
            insertModels(part.partNumber(), part.fittingModels());
        }
        return inserted == 1;
    }

    /** Writes the part's editable state at {@code version + 1} and replaces its fitting models. */
    void update(Part part) {
        jdbc.sql("""
                UPDATE part SET description = :description, unit_price = :price, serialised = :serialised,
                       active = :active, version = version + 1, updated_at = :at, updated_by = :by
                 WHERE part_number = :part
                """)
                .param("part", part.partNumber()).param("description", part.description())
                .param("price", part.unitPrice()).param("serialised", part.serialised()).param("active", part.active())
                .param("at", Timestamps.utc(part.updatedAt())).param("by", part.updatedBy()).update();
        jdbc.sql("DELETE FROM part_fitting_model WHERE part_number = :part").param("part", part.partNumber()).update();
        insertModels(part.partNumber(), part.fittingModels());
    }

    private void insertModels(String partNumber, List<String> models) {
        for (String model : models) {
            jdbc.sql("INSERT INTO part_fitting_model (part_number, product_model) VALUES (:part, :model)")
                    .param("part", partNumber).param("model", model).update();
        }
    }

    void recordPrice(String partNumber, BigDecimal oldPrice, BigDecimal newPrice, String actor, Instant at) {
        jdbc.sql("""
                INSERT INTO part_price_change (part_number, old_price, new_price, changed_by, changed_at)
                VALUES (:part, :old, :new, :by, :at)
                """)
                .param("part", partNumber).param("old", oldPrice).param("new", newPrice).param("by", actor)
                .param("at", Timestamps.utc(at)).update();
    }

    Optional<Part> find(String partNumber) {
        return one("SELECT * FROM part WHERE part_number = :part", partNumber);
    }

    /** The part row-locked for an edit: concurrent edits queue, the second sees the first's version. */
    Optional<Part> findForUpdate(String partNumber) {
        return one("SELECT * FROM part WHERE part_number = :part FOR UPDATE", partNumber);
    }

    private Optional<Part> one(String sql, String partNumber) {
        List<String> models = models(List.of(partNumber)).getOrDefault(partNumber, List.of());
        return jdbc.sql(sql).param("part", partNumber).query((rs, row) -> part(rs, models)).optional();
    }

    /**
     * Parts by fitting model (exact), text in the part number or description (case-insensitive), and active flag; any
     * of them null matches all. Ordered by part number.
     */
    PageOf<Part> search(String model, String text, Boolean active, Paging paging) {
        String where = """
                 WHERE (CAST(:model AS text) IS NULL OR EXISTS (SELECT 1 FROM part_fitting_model f
                         WHERE f.part_number = p.part_number AND f.product_model = :model))
                   AND (CAST(:text AS text) IS NULL OR p.part_number ILIKE :text ESCAPE '\\'
                        OR p.description ILIKE :text ESCAPE '\\')
                   AND (CAST(:active AS boolean) IS NULL OR p.active = :active)
                """;
        String like = text == null ? null : "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        long total = jdbc.sql("SELECT count(*) FROM part p" + where)
                .param("model", model).param("text", like).param("active", active).query(Long.class).single();
        List<Part> bare = jdbc.sql("SELECT * FROM part p" + where + " ORDER BY p.part_number LIMIT :limit OFFSET :offset")
                .param("model", model).param("text", like).param("active", active)
                .param("limit", paging.size()).param("offset", paging.offset())
                .query((rs, row) -> part(rs, List.of())).list();
        Map<String, List<String>> models = models(bare.stream().map(Part::partNumber).toList());
        List<Part> parts = bare.stream().map(p -> new Part(p.partNumber(), p.description(), p.unitPrice(),
                p.serialised(), models.getOrDefault(p.partNumber(), List.of()), p.active(), p.version(), p.updatedAt(),
                p.updatedBy())).toList();
        return paging.of(parts, total);
    }

    PageOf<PriceChange> priceHistory(String partNumber, Paging paging) {
        long total = jdbc.sql("SELECT count(*) FROM part_price_change WHERE part_number = :part")
                .param("part", partNumber).query(Long.class).single();
        List<PriceChange> changes = jdbc.sql("""
                SELECT * FROM part_price_change WHERE part_number = :part ORDER BY id LIMIT :limit OFFSET :offset
                """)
                .param("part", partNumber).param("limit", paging.size()).param("offset", paging.offset())
                .query((rs, row) -> new PriceChange(rs.getString("part_number"), rs.getBigDecimal("old_price"),
                        rs.getBigDecimal("new_price"), rs.getString("changed_by"),
                        Timestamps.instant(rs, "changed_at")))
                .list();
        return paging.of(changes, total);
    }

    private Map<String, List<String>> models(Collection<String> partNumbers) {
        if (partNumbers.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> models = new HashMap<>();
        jdbc.sql("""
                SELECT part_number, product_model FROM part_fitting_model WHERE part_number IN (:parts)
                 ORDER BY part_number, product_model
                """).param("parts", partNumbers)
                .query((rs, row) -> models.computeIfAbsent(rs.getString("part_number"), p -> new ArrayList<>())
                        .add(rs.getString("product_model")))
                .list();
        return models;
    }

    private static Part part(ResultSet rs, List<String> models) throws SQLException {
        return new Part(rs.getString("part_number"), rs.getString("description"), rs.getBigDecimal("unit_price"),
                rs.getBoolean("serialised"), List.copyOf(models), rs.getBoolean("active"), rs.getInt("version"),
                Timestamps.instant(rs, "updated_at"), rs.getString("updated_by"));
    }
}
