package com.opensvc.aftersales.parts.production;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.opensvc.aftersales.data.Timestamps;

import lombok.RequiredArgsConstructor;

@Repository
@RequiredArgsConstructor
class ProductionRecordRepository {
    private final JdbcClient jdbc;

    /** Writes the record if parts has none of the installed product or an older version; false when it was stale. */
    boolean upsertIfNewer(ProductionRecord r, Instant at) {
        int written = jdbc.sql("""
                INSERT INTO production_record (installed_product_id, version, product_model, serial_number,
                    factory_date, recorded, production_batch, inspected_on, updated_at)
                VALUES (:id, :version, :model, :serial, :factoryDate, :recorded, :batch, :inspectedOn, :at)
                ON CONFLICT (installed_product_id) DO UPDATE SET version = EXCLUDED.version,
                    product_model = EXCLUDED.product_model, serial_number = EXCLUDED.serial_number,
                    factory_date = EXCLUDED.factory_date, recorded = EXCLUDED.recorded,
                    production_batch = EXCLUDED.production_batch, inspected_on = EXCLUDED.inspected_on,
                    updated_at = EXCLUDED.updated_at
                 WHERE production_record.version < EXCLUDED.version
                """)
                .param("id", r.installedProductId()).param("version", r.version()).param("model", r.productModel())
                .param("serial", r.serialNumber()).param("factoryDate", r.factoryDate())
                .param("recorded", r.recorded()).param("batch", r.productionBatch())
                .param("inspectedOn", r.inspectedOn()).param("at", Timestamps.utc(at)).update();
        if (written == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM production_component WHERE installed_product_id = :id")
                .param("id", r.installedProductId()).update();
        int position = 0;
        for (ProductionRecord.Component c : r.components()) {
            jdbc.sql("""
                    INSERT INTO production_component (installed_product_id, position, part_number, serial_number,
                        factory_date)
                    VALUES (:id, :position, :part, :serial, :factoryDate)
                    """)
                    .param("id", r.installedProductId()).param("position", position++)
                    .param("part", c.partNumber()).param("serial", c.serialNumber())
                    .param("factoryDate", c.factoryDate()).update();
        }
        return true;
    }

    Optional<ProductionRecord> find(String productModel, String serialNumber) {
        return jdbc.sql("""
                SELECT * FROM production_record WHERE product_model = :model AND serial_number = :serial
                 ORDER BY updated_at DESC, installed_product_id LIMIT 1
                """)
                .param("model", productModel).param("serial", serialNumber)
                .query((rs, row) -> new ProductionRecord(rs.getObject("installed_product_id", UUID.class),
                        rs.getInt("version"), rs.getString("product_model"), rs.getString("serial_number"),
                        rs.getObject("factory_date", LocalDate.class), rs.getBoolean("recorded"),
                        rs.getString("production_batch"), rs.getObject("inspected_on", LocalDate.class), List.of()))
                .optional()
                .map(r -> new ProductionRecord(r.installedProductId(), r.version(), r.productModel(),
                        r.serialNumber(), r.factoryDate(), r.recorded(), r.productionBatch(), r.inspectedOn(),
                        components(r.installedProductId())));
    }

    private List<ProductionRecord.Component> components(UUID installedProductId) {
        return jdbc.sql("""
                SELECT part_number, serial_number, factory_date FROM production_component
                 WHERE installed_product_id = :id ORDER BY position
                """)
                .param("id", installedProductId)
                .query((rs, row) -> new ProductionRecord.Component(rs.getString("part_number"),
                        rs.getString("serial_number"), rs.getObject("factory_date", LocalDate.class)))
                .list();
    }
}
