package com.opensvc.aftersales.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.opensvc.aftersales.embedded.ServiceMigrations;
import com.opensvc.aftersales.testkit.SharedInfrastructure;

/**
 * DOMAIN.md §11: demonstration data is never part of a service's schema migrations; a production database starts
 * empty. Migrates a brand-new database with exactly what a production intake runs (the messaging and intake
 * locations, not deploy/local's db/demo) and counts what it holds.
 */
@IntakeServiceTest
class NoDemoDataTest {
    private static final List<String> BUSINESS_TABLES = List.of("customer", "customer_contact", "customer_address",
            "customer_group", "service_contract", "installed_product", "knowledge_article", "ticket", "part_price",
            "labour_rate", "travel_price");

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("§11 a fresh intake database has no customers, installed products or knowledge articles after migration")
    void section11_freshDatabaseStartsEmpty() throws Exception {
        SharedInfrastructure infrastructure = SharedInfrastructure.get();
        String database = "intake_fresh_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("CREATE DATABASE " + database).update();
        try {
            ServiceMigrations.migrate(infrastructure.jdbcUrl(database), infrastructure.user(), infrastructure.password(),
                    "intake");
            try (SingleConnectionDataSource fresh = new SingleConnectionDataSource(infrastructure.jdbcUrl(database),
                    infrastructure.user(), infrastructure.password(), true)) {
                JdbcClient freshJdbc = JdbcClient.create(fresh);
                List<String> existing = freshJdbc.sql("""
                        SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'
                        """).query(String.class).list();
                assertThat(existing).as("the schema is there").contains("customer", "installed_product", "knowledge_article");
                Map<String, Long> rows = new java.util.LinkedHashMap<>();
                for (String table : BUSINESS_TABLES) {
                    if (existing.contains(table)) {
                        rows.put(table, freshJdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
                    }
                }
                assertThat(rows).as("rows per table after migrating an empty database").allSatisfy(
                        (table, count) -> assertThat(count).as(table).isZero());
            }
        } finally {
            jdbc.sql("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)").update();
        }
    }
}
