package com.opensvc.aftersales.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What dispatch's schema migrations alone give a new database. */
@DispatchServiceTest
class DispatchSchemaTest {
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("§11 a freshly migrated dispatch database has no technicians: demo technicians are deploy/local's")
    void section11_freshDatabaseHasNoTechnicians() {
        String schema = "fresh_" + UUID.randomUUID().toString().replace("-", "");
        // dispatch's own migrations (the messaging starter's V1 creates a database-wide publication that exists already)
        Flyway.configure().dataSource(dataSource).schemas(schema).createSchemas(true)
                .locations("classpath:db/migration/dispatch")
                .load().migrate();
        try {
            assertThat(jdbc.sql("SELECT count(*) FROM " + schema + ".technician").query(Long.class).single()).isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM " + schema + ".work_order").query(Long.class).single()).isZero();
        } finally {
            jdbc.sql("DROP SCHEMA " + schema + " CASCADE").update();
        }
    }
}
