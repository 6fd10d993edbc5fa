package com.opensvc.aftersales.quality.installedbase;

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

import lombok.RequiredArgsConstructor;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
@RequiredArgsConstructor
class InstalledBaseRepository {
    private static final TypeReference<List<InstalledUnit.Component>> COMPONENTS = new TypeReference<>() {
    };
    private final JdbcClient jdbc;
    private final JsonMapper json;

    /** @return false when quality already has this version of the unit or a newer one */
    boolean upsertIfNewer(InstalledUnit unit, Instant at) {
        return jdbc.sql("""
                INSERT INTO installed_product (id, version, customer_id, product_model, product_line, serial_number,
                    factory_date, ship_date, production_batch, components, updated_at)
                VALUES (:id, :version, :customer, :model, :line, :serial, :factoryDate, :shipDate, :batch,
                    CAST(:components AS jsonb), :at)
                ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, customer_id = EXCLUDED.customer_id,
                    product_model = EXCLUDED.product_model, product_line = EXCLUDED.product_line,
                    serial_number = EXCLUDED.serial_number, factory_date = EXCLUDED.factory_date,
                    ship_date = EXCLUDED.ship_date, production_batch = EXCLUDED.production_batch,
                    components = EXCLUDED.components, updated_at = EXCLUDED.updated_at
                WHERE installed_product.version < EXCLUDED.version
                """)
                .param("id", unit.id()).param("version", unit.version()).param("customer", unit.customerId())
                .param("model", unit.productModel()).param("line", unit.productLine())
                .param("serial", unit.serialNumber()).param("factoryDate", unit.factoryDate())
                .param("shipDate", unit.shipDate()).param("batch", unit.productionBatch())
                .param("components", json.writeValueAsString(unit.components()))
                .param("at", Timestamps.utc(at)).update() == 1;
    }

    Optional<InstalledUnit> find(UUID id) {
        return jdbc.sql("SELECT * FROM installed_product WHERE id = :id").param("id", id).query(this::map).optional();
    }

    Optional<InstalledUnit> find(String model, String serial) {
        return jdbc.sql("""
                SELECT * FROM installed_product WHERE product_model = :model AND serial_number = :serial
                 ORDER BY updated_at DESC LIMIT 1
                """).param("model", model).param("serial", serial).query(this::map).optional();
    }

    long count(String model) {
        return jdbc.sql("SELECT count(*) FROM installed_product WHERE product_model = :model")
                .param("model", model).query(Long.class).single();
    }

    long countAffected(String model, String serialFrom, String serialTo, LocalDate factoryFrom, LocalDate factoryTo) {
        return jdbc.sql("""
                SELECT count(*) FROM installed_product WHERE product_model = :model
                   AND (CAST(:serialFrom AS text) IS NULL OR serial_number COLLATE "C" >= :serialFrom)
                   AND (CAST(:serialTo AS text) IS NULL OR serial_number COLLATE "C" <= :serialTo)
                   AND (CAST(:factoryFrom AS date) IS NULL OR factory_date >= :factoryFrom)
                   AND (CAST(:factoryTo AS date) IS NULL OR factory_date <= :factoryTo)
                """)
                .param("model", model).param("serialFrom", serialFrom).param("serialTo", serialTo)
                .param("factoryFrom", factoryFrom).param("factoryTo", factoryTo).query(Long.class).single();
    }

    Optional<LocalDate> firstShipDate(String model) {
        // no row (rather than a null one) for a model without shipped units: single() refuses a null value
        return jdbc.sql("""
                SELECT min(ship_date) FROM installed_product WHERE product_model = :model
                HAVING min(ship_date) IS NOT NULL
                """)
                .param("model", model).query(LocalDate.class).optional();
    }

    private InstalledUnit map(ResultSet rs, int row) throws SQLException {
        return new InstalledUnit(rs.getObject("id", UUID.class), rs.getInt("version"),
                rs.getObject("customer_id", UUID.class), rs.getString("product_model"), rs.getString("product_line"),
                rs.getString("serial_number"), rs.getObject("factory_date", LocalDate.class),
                rs.getObject("ship_date", LocalDate.class), rs.getString("production_batch"),
                json.readValue(rs.getString("components"), COMPONENTS));
    }
}
