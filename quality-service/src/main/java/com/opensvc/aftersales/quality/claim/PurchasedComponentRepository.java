package com.opensvc.aftersales.quality.claim;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.data.Timestamps;
import com.opensvc.aftersales.web.IfMatch;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

/** QLT-09: the purchased components quality keeps. */
@Repository
@RequiredArgsConstructor
public class PurchasedComponentRepository {
    private final JdbcClient jdbc;

    /**
     * Registers or replaces a component. With {@code expectedVersion} only that version is replaced (412 otherwise,
     * also when there is none yet); without, the write is blind.
     */
    PurchasedComponent put(String partNumber, ClaimRequests.ComponentRequest request, Integer expectedVersion,
                           String actor, Instant now) {
        String supplierPart = blankToNull(request.supplierPartNumber());
        String description = blankToNull(request.description());
        if (expectedVersion != null) {
            List<PurchasedComponent> updated = jdbc.sql("""
                    UPDATE purchased_component SET supplier = :supplier, supplier_part_number = :supplierPart,
                        description = :description, updated_by = :by, updated_at = :at, version = version + 1
                     WHERE part_number = :part AND version = :expected RETURNING *
                    """)
                    .param("part", partNumber).param("supplier", request.supplier().strip())
                    .param("supplierPart", supplierPart).param("description", description).param("by", actor)
                    .param("at", Timestamps.utc(now)).param("expected", expectedVersion).query(this::map).list();
            if (updated.isEmpty()) {
                throw find(partNumber).map(c -> new IfMatch.StaleVersionException("purchased component " + partNumber,
                        c.version())).orElseGet(() -> new IfMatch.StaleVersionException("purchased component " + partNumber));
            }
            return updated.get(0);
        }
        return jdbc.sql("""
                INSERT INTO purchased_component (part_number, supplier, supplier_part_number, description, updated_by,
                    updated_at, version)
                VALUES (:part, :supplier, :supplierPart, :description, :by, :at, 0)
                ON CONFLICT (part_number) DO UPDATE SET supplier = EXCLUDED.supplier,
                    supplier_part_number = EXCLUDED.supplier_part_number, description = EXCLUDED.description,
                    updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at,
                    version = purchased_component.version + 1
                RETURNING *
                """)
                .param("part", partNumber).param("supplier", request.supplier().strip())
                .param("supplierPart", supplierPart).param("description", description).param("by", actor)
                .param("at", Timestamps.utc(now)).query(this::map).single();
    }

    public Optional<PurchasedComponent> find(String partNumber) {
        return jdbc.sql("SELECT * FROM purchased_component WHERE part_number = :part").param("part", partNumber)
                .query(this::map).optional();
    }

    public PageOf<PurchasedComponent> search(String supplier, Paging paging) {
        String where = " WHERE (CAST(:supplier AS text) IS NULL OR supplier = :supplier)";
        long total = jdbc.sql("SELECT count(*) FROM purchased_component" + where).param("supplier", supplier)
                .query(Long.class).single();
        List<PurchasedComponent> items = jdbc.sql("SELECT * FROM purchased_component" + where
                        + " ORDER BY part_number LIMIT :limit OFFSET :offset")
                .param("supplier", supplier).param("limit", paging.size()).param("offset", paging.offset())
                .query(this::map).list();
        return paging.of(items, total);
    }

    private PurchasedComponent map(ResultSet rs, int row) throws SQLException {
        return new PurchasedComponent(rs.getString("part_number"), rs.getString("supplier"),
                rs.getString("supplier_part_number"), rs.getString("description"), rs.getString("updated_by"),
                Timestamps.instant(rs, "updated_at"), rs.getInt("version"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
