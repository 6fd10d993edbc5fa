package com.opensvc.aftersales.parts.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.opensvc.aftersales.embedded.ServiceMigrations;
import com.opensvc.aftersales.parts.PartsFixture;
import com.opensvc.aftersales.parts.PartsServiceTest;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.EventSender;
import com.opensvc.aftersales.testkit.ProbeTopics;
import com.opensvc.aftersales.testkit.RestApi;

/** The stock ledger: append-only (SEC-03), the sum of its movements is the stock (PRT-02), empty at first (§11). */
@PartsServiceTest
class LedgerTest {
    private static final String WORK_ORDERS = "aftersales.dispatch.workorder";
    private static final Duration HOP = Duration.ofSeconds(30);

    @Autowired
    JdbcClient jdbc;
    @Value("${spring.datasource.url}")
    String url;
    @Value("${spring.datasource.username}")
    String user;
    @Value("${spring.datasource.password:}")
    String password;
    private RestApi api;
    @ProbeTopics("aftersales.parts.stock")
    private EventProbe probe;
    private EventSender sender;

    private long anyMovement() {
        String store = PartsFixture.storeWith(jdbc, api, "FLT-200", 3);
        return jdbc.sql("SELECT id FROM movement WHERE to_location = :s").param("s", store).query(Long.class).single();
    }

    @Test
    @DisplayName("SEC-03 PRT-02 the ledger is append-only: the database refuses UPDATE, DELETE and TRUNCATE of a movement")
    void SEC03_ledgerIsAppendOnly() {
        long id = anyMovement();
        assertThatThrownBy(() -> jdbc.sql("UPDATE movement SET quantity = 99 WHERE id = :id").param("id", id).update())
                .hasMessageContaining("stock ledger");
        assertThatThrownBy(() -> jdbc.sql("UPDATE movement SET actor = 'someone-else' WHERE id = :id").param("id", id)
                .update()).hasMessageContaining("stock ledger");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM movement WHERE id = :id").param("id", id).update())
                .hasMessageContaining("stock ledger");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE movement").update()).hasMessageContaining("stock ledger");
        assertThat(jdbc.sql("SELECT quantity FROM movement WHERE id = :id").param("id", id).query(Integer.class).single())
                .isEqualTo(3);
    }

    @Test
    @DisplayName("PRT-02 after receipts, issues, backorder fills and write-offs, on hand is the sum of the ledger everywhere")
    void PRT02_onHandIsTheSumOfTheLedger() {
        String store = PartsFixture.storeWith(jdbc, api, "CMP-100", 2);
        PartsFixture.receive(api, store, "FLT-200", 5);
        UUID issuedTicket = UUID.randomUUID(), issuedOrder = UUID.randomUUID();
        UUID waitingTicket = UUID.randomUUID(), waitingOrder = UUID.randomUUID();
        request(issuedTicket, issuedOrder, store, "CMP-100", 2);
        probe.awaitType("PartsIssued", issuedTicket.toString(), HOP);
        request(waitingTicket, waitingOrder, store, "CMP-100", 1);
        probe.awaitType("PartsBackordered", waitingTicket.toString(), HOP);
        PartsFixture.receive(api, store, "CMP-100", 4);
        probe.awaitType("PartsIssued", waitingTicket.toString(), HOP);
        sender.send(WORK_ORDERS, issuedTicket.toString(), "RepairClosed", "dispatch-service", """
                {"workOrderId":"%s","ticketId":"%s","technicianId":"tech.south","productModel":"AC-3200",
                 "serialNumber":"SN-1","entitlement":"PAID","outcome":"FIXED","symptom":"no cooling",
                 "causeCode":"C-COMP","actions":"replaced","partsUsed":[{"partNumber":"CMP-100","quantity":1,
                 "newSerial":"N-1","oldSerial":"O-1"}],"labourMinutes":60,"firstTimeFix":true,
                 "payment":{"method":"COLLECTED_ON_SITE","reference":"RCPT-1","amountDue":0,"currency":"CNY"},
                 "customerConfirmation":"SIGNED","actor":"tech.south","occurredAt":"2026-11-23T02:00:00Z"}"""
                .formatted(issuedOrder, issuedTicket));
        // PRT-03: paid work with the payment reference is written off at once
        probe.awaitType("PartsWrittenOff", issuedTicket.toString(), HOP);

        assertThat(PartsFixture.onHand(jdbc, store, "CMP-100")).isEqualTo(3);
        List<Map<String, Object>> mismatches = jdbc.sql("""
                SELECT s.location, s.part_number, s.on_hand, coalesce(l.balance, 0) AS ledger FROM stock s
                  LEFT JOIN (SELECT location, part_number, sum(quantity) AS balance FROM (
                        SELECT to_location AS location, part_number, quantity FROM movement WHERE to_location IS NOT NULL
                        UNION ALL
                        SELECT from_location, part_number, -quantity FROM movement WHERE from_location IS NOT NULL) m
                        GROUP BY location, part_number) l
                    ON l.location = s.location AND l.part_number = s.part_number
                 WHERE s.on_hand <> coalesce(l.balance, 0)
                """).query().listOfRows();
        assertThat(mismatches).as("stock rows whose on hand is not the sum of their ledger movements").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM stock WHERE on_hand < 0 OR on_hand - reserved < 0")
                .query(Integer.class).single()).isZero();
    }

    @Test
    @DisplayName("§11 a freshly migrated parts database has no parts, locations, stock or movements (no demo data)")
    void S11_freshDatabaseHasNoStock() throws Exception {
        String database = "parts_fresh_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        jdbc.sql("CREATE DATABASE " + database).update();
        String freshUrl = url.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        try {
            ServiceMigrations.migrate(freshUrl, user, password, "parts");
            try (Connection connection = DriverManager.getConnection(freshUrl, user, password);
                 Statement statement = connection.createStatement()) {
                for (String table : List.of("part", "location", "stock", "movement", "loan", "backorder", "receipt")) {
                    try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
                        rs.next();
                        assertThat(rs.getLong(1)).as(table).isZero();
                    }
                }
            }
        } finally {
            jdbc.sql("DROP DATABASE " + database + " WITH (FORCE)").update();
        }
    }

    private void request(UUID ticketId, UUID workOrderId, String store, String part, int quantity) {
        sender.send(WORK_ORDERS, ticketId.toString(), "PartsRequested", "dispatch-service", """
                {"workOrderId":"%s","ticketId":"%s","technicianId":"tech.south","fromLocation":"%s",
                 "lines":[{"partNumber":"%s","quantity":%d}],"actor":"sup.zhao",
                 "occurredAt":"2026-11-23T01:00:00Z"}""".formatted(workOrderId, ticketId, store, part, quantity));
    }
}
