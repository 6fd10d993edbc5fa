package com.opensvc.aftersales.intake.installedbase;

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
import com.opensvc.aftersales.messaging.OutboxWriter;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import lombok.RequiredArgsConstructor;

@Repository
@RequiredArgsConstructor
public class InstalledProductRepository {
    private final JdbcClient jdbc;
    private final InstalledBaseProperties properties;
    private final JsonMapper json;
    private final OutboxWriter outbox;

    /** One version of an installed product (SEC-03): the facts are {@code InstalledProductRecorded}'s payload. */
    public record HistoryEntry(int version, String change, String actor, Instant at, JsonNode facts) {
    }

    /** What made a version of an installed product (its history line, SEC-03). */
    enum Change {
        CREATED, EDITED, PRODUCTION_RECORDED
    }

    /** Filters of the installed-base search; null means "any". {@code extraField}/{@code extraValue} go together. */
    public record Filter(String serialNumber, UUID customerId, String productModel, String extraField, String extraValue) {
    }

    public void insert(UUID id, InstalledProductInput input, String productLine, Instant now, String actor) {
        jdbc.sql("""
                INSERT INTO installed_product (id, customer_id, end_user_customer_id, product_model, product_line,
                    serial_number, factory_date, ship_date, sale_date, installation_acceptance_date, service_contract_id,
                    extra_1, extra_2, extra_3, extra_4, extra_5, created_at, created_by, updated_at, updated_by)
                VALUES (:id, :customer, :endUser, :model, :line, :serial, :factory, :ship, :sale, :acceptance, :contract,
                    :e1, :e2, :e3, :e4, :e5, :at, :actor, :at, :actor)
                """)
                .param("id", id).params(columns(input, productLine)).param("at", Timestamps.utc(now)).param("actor", actor).update();
        recorded(id, Change.CREATED, now, actor);
    }

    /** @return false when the version did not match */
    public boolean update(UUID id, int expectedVersion, InstalledProductInput input, String productLine, Instant now,
                          String actor) {
        boolean updated = jdbc.sql("""
                UPDATE installed_product SET customer_id = :customer, end_user_customer_id = :endUser,
                    product_model = :model, product_line = :line, serial_number = :serial, factory_date = :factory,
                    ship_date = :ship, sale_date = :sale, installation_acceptance_date = :acceptance,
                    service_contract_id = :contract, extra_1 = :e1, extra_2 = :e2, extra_3 = :e3, extra_4 = :e4,
                    extra_5 = :e5, version = version + 1, updated_at = :at, updated_by = :actor
                WHERE id = :id AND version = :version
                """)
                .param("id", id).param("version", expectedVersion).params(columns(input, productLine))
                .param("at", Timestamps.utc(now)).param("actor", actor).update() == 1;
        if (updated) {
            recorded(id, Change.EDITED, now, actor);
        }
        return updated;
    }

    /** PRT-03: replaces the production inspection record. @return false when the version did not match */
    public boolean setProductionRecord(UUID id, int expectedVersion, ProductionRecord record, Instant now, String actor) {
        boolean updated = jdbc.sql("""
                UPDATE installed_product SET production_record = CAST(:record AS jsonb), version = version + 1,
                    updated_at = :at, updated_by = :actor
                WHERE id = :id AND version = :version
                """)
                .param("id", id).param("version", expectedVersion).param("record", json.writeValueAsString(record))
                .param("at", Timestamps.utc(now)).param("actor", actor).update() == 1;
        if (updated) {
            recorded(id, Change.PRODUCTION_RECORDED, now, actor);
        }
        return updated;
    }

    /**
     * Every version of a product, in the writing transaction: its history line and {@code InstalledProductRecorded}
     * through the outbox (EVT-01), both with the product as now stored.
     */
    private void recorded(UUID id, Change change, Instant at, String actor) {
        InstalledProduct product = find(id).orElseThrow();
        InstalledProductRecorded event = InstalledProductRecorded.of(product, actor, at);
        jdbc.sql("""
                INSERT INTO installed_product_history (installed_product_id, version, change, snapshot, actor, at)
                VALUES (:id, :version, :change, CAST(:snapshot AS jsonb), :actor, :at)
                """)
                .param("id", id).param("version", product.version()).param("change", change.name())
                .param("snapshot", json.writeValueAsString(event)).param("actor", actor)
                .param("at", Timestamps.utc(at)).update();
        outbox.append(event);
    }

    private Map<String, Object> columns(InstalledProductInput input, String productLine) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("customer", input.customerId());
        columns.put("endUser", input.endUserCustomerId());
        columns.put("model", input.productModel());
        columns.put("line", productLine);
        columns.put("serial", input.serialNumber().trim());
        columns.put("factory", input.factoryDate());
        columns.put("ship", input.shipDate());
        columns.put("sale", input.saleDate());
        columns.put("acceptance", input.installationAcceptanceDate());
        columns.put("contract", input.serviceContractId());
        for (int slot = 1; slot <= InstalledBaseProperties.MAX_EXTRA_FIELDS; slot++) {
            columns.put("e" + slot, null);
        }
        input.extraFieldsOrEmpty().forEach((name, value) -> columns.put("e" + properties.slotOf(name), value));
        return columns;
    }

    public Optional<InstalledProduct> find(UUID id) {
        return jdbc.sql("SELECT * FROM installed_product WHERE id = :id").param("id", id).query(this::map).optional();
    }

    public Optional<InstalledProduct> findForUpdate(UUID id) {
        return jdbc.sql("SELECT * FROM installed_product WHERE id = :id FOR UPDATE").param("id", id).query(this::map).optional();
    }

    public Optional<InstalledProduct> findBySerial(String serialNumber) {
        return jdbc.sql("SELECT * FROM installed_product WHERE serial_number = :serial")
                .param("serial", serialNumber.trim()).query(this::map).optional();
    }

    /** Products the customer bought or uses (INT-24: the end user where it differs from the buyer). */
    public List<InstalledProduct> ofCustomer(UUID customerId, int limit) {
        return jdbc.sql("""
                SELECT * FROM installed_product WHERE customer_id = :id
                UNION
                SELECT * FROM installed_product WHERE end_user_customer_id = :id
                ORDER BY created_at DESC LIMIT :limit
                """).param("id", customerId).param("limit", limit).query(this::map).list();
    }

    public PageOf<InstalledProduct> search(Filter filter, Paging paging) {
        StringBuilder where = new StringBuilder(" WHERE true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.serialNumber() != null && !filter.serialNumber().isBlank()) {
            where.append(" AND serial_number = :serial");
            params.put("serial", filter.serialNumber().trim());
        }
        if (filter.customerId() != null) {
            where.append(" AND (customer_id = :customer OR end_user_customer_id = :customer)");
            params.put("customer", filter.customerId());
        }
        if (filter.productModel() != null && !filter.productModel().isBlank()) {
            where.append(" AND product_model = :model");
            params.put("model", filter.productModel());
        }
        if (filter.extraField() != null) {
            // the slot comes from configuration, never from the request text
            where.append(" AND extra_").append(properties.slotOf(filter.extraField())).append(" = :extra");
            params.put("extra", filter.extraValue());
        }
        long total = jdbc.sql("SELECT count(*) FROM installed_product" + where).params(params).query(Long.class).single();
        List<InstalledProduct> items = jdbc.sql("SELECT * FROM installed_product" + where
                        + " ORDER BY serial_number LIMIT :limit OFFSET :offset")
                .params(params).param("limit", paging.size()).param("offset", paging.offset()).query(this::map).list();
        return paging.of(items, total);
    }

    private InstalledProduct map(ResultSet rs, int row) throws SQLException {
        Map<String, String> extra = new LinkedHashMap<>();
        List<String> names = properties.extraFields();
        for (int i = 0; i < names.size(); i++) {
            String value = rs.getString("extra_" + (i + 1));
            if (value != null) {
                extra.put(names.get(i), value);
            }
        }
        return new InstalledProduct(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
                rs.getObject("end_user_customer_id", UUID.class), rs.getString("product_model"),
                rs.getString("product_line"), rs.getString("serial_number"), date(rs, "factory_date"),
                date(rs, "ship_date"), date(rs, "sale_date"), date(rs, "installation_acceptance_date"),
                rs.getObject("service_contract_id", UUID.class), extra,
                productionRecord(rs.getString("production_record")), rs.getInt("version"),
                Timestamps.instant(rs, "created_at"), rs.getString("created_by"), Timestamps.instant(rs, "updated_at"),
                rs.getString("updated_by"));
    }

    /** SEC-03: the product's versions, oldest first: what changed, who, when, and the facts as published then. */
    public PageOf<HistoryEntry> history(UUID id, Paging paging) {
        long total = jdbc.sql("SELECT count(*) FROM installed_product_history WHERE installed_product_id = :id")
                .param("id", id).query(Long.class).single();
        List<HistoryEntry> items = jdbc.sql("""
                        SELECT version, change, actor, at, snapshot FROM installed_product_history
                        WHERE installed_product_id = :id ORDER BY version LIMIT :limit OFFSET :offset
                        """)
                .param("id", id).param("limit", paging.size()).param("offset", paging.offset())
                .query((rs, row) -> new HistoryEntry(rs.getInt("version"), rs.getString("change"),
                        rs.getString("actor"), Timestamps.instant(rs, "at"), json.readTree(rs.getString("snapshot"))))
                .list();
        return paging.of(items, total);
    }

    private ProductionRecord productionRecord(String stored) {
        return stored == null ? null : json.readValue(stored, ProductionRecord.class);
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

}
