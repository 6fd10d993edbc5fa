package com.opensvc.aftersales.parts.report;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.opensvc.aftersales.parts.PartsFixture;
import com.opensvc.aftersales.parts.PartsServiceTest;
import com.opensvc.aftersales.parts.stock.MovementReason;
import com.opensvc.aftersales.parts.stock.PartLine;
import com.opensvc.aftersales.parts.stock.StockService;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.EventSender;
import com.opensvc.aftersales.testkit.ProbeTopics;
import com.opensvc.aftersales.testkit.RestApi;
import com.opensvc.aftersales.web.ReportFiles;

import tools.jackson.databind.JsonNode;

/**
 * PRT-07 RPT-01 on the platform: a store of its own, a technician and a product model of their own per test, the
 * ledger written the way production writes it (receipts through the API, the issue through {@code PartsRequested},
 * the rest through {@link StockService#move}); every report's figures read back as JSON, CSV and Excel.
 */
@PartsServiceTest
class PartsReportsTest {
    private static final String WORK_ORDERS = "aftersales.dispatch.workorder";
    private static final String STOREKEEPER = token(PartsFixture.STOREKEEPER, "STOREKEEPER");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    StockService stock;
    @Autowired
    PlatformTransactionManager transactions;
    private RestApi api;
    @ProbeTopics("aftersales.parts.stock")
    private EventProbe probe;
    private EventSender sender;

    private String store;
    private String techA;
    private String techB;
    private String model;
    private UUID workOrder;

    /**
     * The one place this class's ledger is made (the integrator adapts it when issuing or settling changes): 10
     * CMP-100 and 20 FLT-200 received into a new store; 3 CMP-100 and 5 FLT-200 issued to technician A for one work
     * order ({@code PartsRequested}); then, dated in the company zone's October and November 2026: 1 CMP-100 consumed
     * under warranty (2026-10-31T17:00Z, which is 1 November in Shanghai), 2 FLT-200 consumed on paid work
     * (20 October), 1 CMP-100 returned unused to the store (25 November), 1 FLT-200 reassigned to technician B
     * (26 November), 1 CMP-100 scrapped from the store (20 November).
     */
    @BeforeEach
    void ledgerOfOneTechnician() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        techA = "tech.rpt-a" + suffix;
        techB = "tech.rpt-b" + suffix;
        model = "AC-RPT-" + suffix;
        store = PartsFixture.storeWith(jdbc, api, "CMP-100", 10);
        PartsFixture.receive(api, store, "FLT-200", 20);

        UUID ticket = UUID.randomUUID();
        workOrder = UUID.randomUUID();
        sender.send(WORK_ORDERS, ticket.toString(), "PartsRequested", "dispatch-service", """
                {"workOrderId":"%s","ticketId":"%s","technicianId":"%s","fromLocation":"%s",
                 "lines":[{"partNumber":"CMP-100","quantity":3},{"partNumber":"FLT-200","quantity":5}],
                 "actor":"system:dispatch-policy","occurredAt":"2026-11-23T01:00:00Z"}"""
                .formatted(workOrder, ticket, techA, store));
        // PRT-01: 3 compressors and 5 filter sets (4,065 CNY) are above the auto-approval limit: the storekeeper approves
        String storekeeper = token(PartsFixture.STOREKEEPER, "STOREKEEPER");
        JsonNode reservation = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                () -> api.get("/api/parts/reservations?workOrderId=" + workOrder, storekeeper).body().get("items"),
                items -> items.size() == 1).get(0);
        assertThat(reservation.get("status").asString()).isEqualTo("AWAITING_APPROVAL");
        var approved = api.post("/api/parts/reservations/" + reservation.get("id").asString() + "/approval", Map.of(),
                storekeeper);
        assertThat(approved.status()).as(String.valueOf(approved.body())).isEqualTo(200);
        probe.awaitType("PartsIssued", ticket.toString(), Duration.ofSeconds(30));

        String holdingA = StockService.holdingOf(techA);
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            stock.move(new PartLine("CMP-100", 1), holdingA, null, MovementReason.CONSUMED_UNDER_WARRANTY,
                    reference(ticket, "2026-10-31T17:00:00Z").withProductModel(model));
            stock.move(new PartLine("FLT-200", 2), holdingA, null, MovementReason.CONSUMED_ON_PAID_WORK,
                    reference(ticket, "2026-10-20T02:00:00Z").withProductModel(model));
            stock.move(new PartLine("CMP-100", 1), holdingA, store, MovementReason.RETURNED_UNUSED,
                    reference(ticket, "2026-11-25T02:00:00Z"));
            stock.moveBetweenTechnicians(new PartLine("FLT-200", 1), techA, techB,
                    reference(ticket, "2026-11-26T02:00:00Z"));
            stock.move(new PartLine("CMP-100", 1), store, null, MovementReason.SCRAPPED,
                    new StockService.Reference(null, null, PartsFixture.STOREKEEPER, Instant.parse("2026-11-20T02:00:00Z")));
        });
    }

    private StockService.Reference reference(UUID ticket, String at) {
        return new StockService.Reference(workOrder, ticket, "test:reports", Instant.parse(at));
    }

    private static Map<String, JsonNode> byPart(JsonNode items) {
        Map<String, JsonNode> rows = new HashMap<>();
        items.forEach(row -> rows.put(row.get("partNumber").asString(), row));
        return rows;
    }

    private static List<CSVRecord> csv(RestApi.Download download) throws Exception {
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).startsWith("text/csv");
        String text = new String(download.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
    }

    /** The workbook's rows as header name → cell text (numbers as whole numbers where they are whole). */
    private static List<Map<String, String>> xlsx(RestApi.Download download) throws Exception {
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).isEqualTo(ReportFiles.XLSX);
        List<Map<String, String>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(0);
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Map<String, String> row = new HashMap<>();
                for (int c = 0; c < header.getLastCellNum(); c++) {
                    var cell = sheet.getRow(r).getCell(c);
                    String text = cell == null ? "" : switch (cell.getCellType()) {
                        case NUMERIC -> org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)
                                ? cell.getLocalDateTimeCellValue().toString()
                                : new java.math.BigDecimal(String.valueOf(cell.getNumericCellValue()))
                                .stripTrailingZeros().toPlainString();
                        default -> cell.getStringCellValue();
                    };
                    row.put(header.getCell(c).getStringCellValue(), text);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    @DisplayName("PRT-07 holdings = issued − consumed − returned per technician and part, equal to TECH-<login> on hand")
    void PRT07_holdings() throws Exception {
        JsonNode page = api.get("/api/parts/reports/holdings?technician=" + techA, STOREKEEPER).body();
        assertThat(page.get("totalItems").asLong()).isEqualTo(2);
        Map<String, JsonNode> a = byPart(page.get("items"));
        JsonNode compressor = a.get("CMP-100");
        assertThat(compressor.get("technician").asString()).isEqualTo(techA);
        assertThat(compressor.get("location").asString()).isEqualTo("TECH-" + techA);
        assertThat(List.of(compressor.get("issued").asInt(), compressor.get("consumed").asInt(),
                compressor.get("returned").asInt(), compressor.get("holding").asInt())).containsExactly(3, 1, 1, 1);
        JsonNode filters = a.get("FLT-200");
        assertThat(List.of(filters.get("issued").asInt(), filters.get("consumed").asInt(),
                filters.get("returned").asInt(), filters.get("holding").asInt()))
                .as("reassigned to B counts as returned by A").containsExactly(5, 2, 1, 2);
        for (JsonNode row : page.get("items")) {
            assertThat(row.get("holding").asInt()).as("the holding is the on hand of TECH-<login>")
                    .isEqualTo(row.get("onHand").asInt())
                    .isEqualTo(PartsFixture.onHand(jdbc, "TECH-" + techA, row.get("partNumber").asString()));
        }
        JsonNode b = api.get("/api/parts/reports/holdings?technician=" + techB, token("sup.li", "SUPERVISOR")).body();
        assertThat(b.get("items").get(0).get("issued").asInt()).as("reassigned from A counts as issued to B")
                .isEqualTo(1);
        assertThat(b.get("items").get(0).get("holding").asInt())
                .isEqualTo(PartsFixture.onHand(jdbc, "TECH-" + techB, "FLT-200")).isEqualTo(1);

        List<CSVRecord> records = csv(api.download("/api/parts/reports/holdings.csv?technician=" + techA,
                token("mgr", "MANAGER"), "*/*"));
        assertThat(records).hasSize(2);
        for (CSVRecord r : records) {
            JsonNode json = a.get(r.get("partNumber"));
            for (String figure : List.of("issued", "consumed", "returned", "holding", "onHand")) {
                assertThat(r.get(figure)).as(figure).isEqualTo(json.get(figure).asString());
            }
        }
        List<Map<String, String>> sheet = xlsx(api.download("/api/parts/reports/holdings.xlsx?technician=" + techA,
                STOREKEEPER, "*/*"));
        assertThat(sheet).hasSize(2);
        for (Map<String, String> r : sheet) {
            assertThat(r.get("holding")).isEqualTo(a.get(r.get("partNumber")).get("holding").asString());
        }
    }

    @Test
    @DisplayName("PRT-07 SEC-02 a technician reads only their own holding; another technician's is 403")
    void PRT07_technicianOwnHoldingOnly() {
        String tokenA = token(techA, "TECHNICIAN");
        JsonNode mine = api.get("/api/parts/reports/holdings/mine", tokenA).body();
        assertThat(mine.get("items")).allSatisfy(row -> assertThat(row.get("technician").asString()).isEqualTo(techA));
        assertThat(mine.get("totalItems").asLong()).isEqualTo(2);
        JsonNode forced = api.get("/api/parts/reports/holdings", tokenA).body();
        assertThat(forced.get("totalItems").asLong()).as("the filter is forced to the caller").isEqualTo(2);
        assertThat(api.get("/api/parts/reports/holdings?technician=" + techB, tokenA).status()).isEqualTo(403);
        assertThat(api.get("/api/parts/reports/movements", tokenA).status()).isEqualTo(403);
        assertThat(api.get("/api/parts/reports/inventory-value", tokenA).status()).isEqualTo(403);
    }

    @Test
    @DisplayName("PRT-07 consumption by product model and month in the company zone, split warranty vs paid; CSV and Excel agree")
    void PRT07_consumptionByModel() throws Exception {
        String query = "?from=2026-10-01&to=2026-11-30&productModel=" + model;
        JsonNode monthly = api.get("/api/parts/reports/consumption" + query, token("q.zhao", "QUALITY")).body();
        assertThat(monthly.get("totalItems").asLong()).isEqualTo(2);
        JsonNode october = monthly.get("items").get(0);
        assertThat(october.get("period").asString()).isEqualTo("2026-10");
        assertThat(october.get("partNumber").asString()).isEqualTo("FLT-200");
        assertThat(List.of(october.get("underWarranty").asInt(), october.get("onPaidWork").asInt(),
                october.get("quantity").asInt())).containsExactly(0, 2, 2);
        JsonNode november = monthly.get("items").get(1);
        assertThat(november.get("period").asString()).as("2026-10-31T17:00Z is 1 November in Shanghai")
                .isEqualTo("2026-11");
        assertThat(november.get("productModel").asString()).isEqualTo(model);
        assertThat(List.of(november.get("underWarranty").asInt(), november.get("onPaidWork").asInt()))
                .containsExactly(1, 0);

        JsonNode whole = api.get("/api/parts/reports/consumption" + query + "&granularity=period",
                token("fin", "FINANCE")).body();
        assertThat(whole.get("items")).allSatisfy(row ->
                assertThat(row.get("period").asString()).isEqualTo("2026-10-01/2026-11-30"));
        assertThat(api.get("/api/parts/reports/consumption?from=2026-11-01&to=2026-11-30&productModel=" + model,
                token("fin", "FINANCE")).body().get("totalItems").asLong()).isEqualTo(1);

        List<CSVRecord> records = csv(api.download("/api/parts/reports/consumption.csv" + query,
                token("fin", "FINANCE"), "*/*"));
        assertThat(records).extracting(r -> r.get("period") + " " + r.get("partNumber") + " " + r.get("underWarranty")
                + " " + r.get("onPaidWork")).containsExactly("2026-10 FLT-200 0 2", "2026-11 CMP-100 1 0");
        assertThat(xlsx(api.download("/api/parts/reports/consumption.xlsx" + query, STOREKEEPER, "*/*")))
                .extracting(r -> r.get("period") + " " + r.get("partNumber") + " " + r.get("quantity"))
                .containsExactly("2026-10 FLT-200 2", "2026-11 CMP-100 1");
        assertThat(api.get("/api/parts/reports/consumption" + query, token("sup.li", "SUPERVISOR")).status())
                .isEqualTo(403);
    }

    @Test
    @DisplayName("PRT-07 scrap by part, location and period, valued at the current unit price")
    void PRT07_scrap() throws Exception {
        String query = "?from=2026-11-01&to=2026-11-30&location=" + store;
        JsonNode scrap = api.get("/api/parts/reports/scrap" + query, token("fin", "FINANCE")).body();
        assertThat(scrap.get("totalItems").asLong()).isEqualTo(1);
        JsonNode row = scrap.get("items").get(0);
        assertThat(row.get("period").asString()).isEqualTo("2026-11");
        assertThat(row.get("location").asString()).isEqualTo(store);
        assertThat(row.get("partNumber").asString()).isEqualTo("CMP-100");
        assertThat(row.get("quantity").asInt()).isEqualTo(1);
        assertThat(row.get("value").decimalValue()).isEqualByComparingTo("1280.00");
        assertThat(row.get("currency").asString()).isEqualTo("CNY");
        assertThat(api.get("/api/parts/reports/scrap?from=2026-10-01&to=2026-10-31&location=" + store,
                token("fin", "FINANCE")).body().get("totalItems").asLong()).isZero();
        List<CSVRecord> records = csv(api.download("/api/parts/reports/scrap.csv" + query, token("q", "QUALITY"), "*/*"));
        assertThat(records).singleElement().satisfies(r -> assertThat(r.get("value")).isEqualTo("1280.00"));
        assertThat(xlsx(api.download("/api/parts/reports/scrap.xlsx" + query, STOREKEEPER, "*/*")))
                .singleElement().satisfies(r -> assertThat(r.get("value")).isEqualTo("1280"));
    }

    @Test
    @DisplayName("PRT-07 inventory value: on hand × unit price per location and part, totals per location and overall")
    void PRT07_inventoryValue() throws Exception {
        // store: CMP-100 10 − 3 issued + 1 returned − 1 scrapped = 7 (8960.00); FLT-200 20 − 5 = 15 (675.00)
        JsonNode value = api.get("/api/parts/reports/inventory-value?location=" + store,
                token("gm.sun", "GENERAL_MANAGER")).body();
        assertThat(value.get("currency").asString()).isEqualTo("CNY");
        assertThat(value.get("total").decimalValue()).isEqualByComparingTo("9635.00");
        JsonNode location = value.get("locations").get(0);
        assertThat(location.get("location").asString()).isEqualTo(store);
        assertThat(location.get("kind").asString()).isEqualTo("STORE");
        assertThat(location.get("total").decimalValue()).isEqualByComparingTo("9635.00");
        Map<String, JsonNode> parts = byPart(location.get("parts"));
        assertThat(parts.get("CMP-100").get("onHand").asInt()).isEqualTo(7)
                .isEqualTo(PartsFixture.onHand(jdbc, store, "CMP-100"));
        assertThat(parts.get("CMP-100").get("value").decimalValue()).isEqualByComparingTo("8960.00");
        assertThat(parts.get("FLT-200").get("value").decimalValue()).isEqualByComparingTo("675.00");

        JsonNode technicians = api.get("/api/parts/reports/inventory-value?kind=TECHNICIAN", token("fin", "FINANCE"))
                .body();
        assertThat(technicians.get("locations")).allSatisfy(l ->
                assertThat(l.get("kind").asString()).isEqualTo("TECHNICIAN"));

        List<CSVRecord> records = csv(api.download("/api/parts/reports/inventory-value.csv?location=" + store,
                token("fin", "FINANCE"), "*/*"));
        assertThat(records).extracting(r -> r.get("line") + " " + r.get("partNumber") + " " + r.get("value"))
                .containsExactly("PART CMP-100 8960.00", "PART FLT-200 675.00", "LOCATION_TOTAL  9635.00",
                        "TOTAL  9635.00");
        assertThat(xlsx(api.download("/api/parts/reports/inventory-value.xlsx?location=" + store, STOREKEEPER, "*/*")))
                .extracting(r -> r.get("line") + " " + r.get("value"))
                .containsExactly("PART 8960", "PART 675", "LOCATION_TOTAL 9635", "TOTAL 9635");
        assertThat(api.get("/api/parts/reports/inventory-value", token("q", "QUALITY")).status()).isEqualTo(403);
    }

    @Test
    @DisplayName("PRT-07 PRT-02 movement history: newest first, filtered by part, location (either end), work order, reason and period")
    void PRT07_movementHistory() throws Exception {
        String holdingA = "TECH-" + techA;
        JsonNode all = api.get("/api/parts/reports/movements?location=" + holdingA, STOREKEEPER).body();
        assertThat(all.get("totalItems").asLong()).as("2 issued in, 2 consumed, 1 returned, 1 reassigned out")
                .isEqualTo(6);
        List<Instant> times = new ArrayList<>();
        all.get("items").forEach(m -> times.add(Instant.parse(m.get("at").asString())));
        assertThat(times).as("newest first").isSortedAccordingTo(java.util.Comparator.reverseOrder());

        JsonNode issued = api.get("/api/parts/reports/movements?location=" + holdingA
                + "&reason=ISSUE_TO_TECHNICIAN&partNumber=FLT-200", token("fin", "FINANCE")).body();
        assertThat(issued.get("totalItems").asLong()).isEqualTo(1);
        assertThat(issued.get("items").get(0).get("fromLocation").asString()).isEqualTo(store);
        assertThat(issued.get("items").get(0).get("quantity").asInt()).isEqualTo(5);
        assertThat(issued.get("items").get(0).get("workOrderId").asString()).isEqualTo(workOrder.toString());

        assertThat(api.get("/api/parts/reports/movements?workOrderId=" + workOrder, token("sup", "SUPERVISOR")).body()
                .get("totalItems").asLong()).as("the issue's two lines and the four dated movements").isEqualTo(6);
        assertThat(api.get("/api/parts/reports/movements?location=" + store + "&reason=SCRAPPED", STOREKEEPER).body()
                .get("totalItems").asLong()).isEqualTo(1);
        JsonNode november = api.get("/api/parts/reports/movements?location=" + holdingA
                + "&from=2026-11-01&to=2026-11-30", STOREKEEPER).body();
        assertThat(november.get("items")).extracting(m -> m.get("reason").asString())
                .containsExactly("REASSIGNED_TO_TECHNICIAN", "RETURNED_UNUSED", "CONSUMED_UNDER_WARRANTY");
        JsonNode paged = api.get("/api/parts/reports/movements?location=" + holdingA + "&size=4&page=1", STOREKEEPER)
                .body();
        assertThat(paged.get("items").size()).isEqualTo(2);
        assertThat(paged.get("totalItems").asLong()).isEqualTo(6);

        List<CSVRecord> records = csv(api.download("/api/parts/reports/movements.csv?location=" + holdingA
                + "&from=2026-11-01&to=2026-11-30", token("mgr", "MANAGER"), "*/*"));
        assertThat(records).extracting(r -> r.get("reason"))
                .containsExactly("REASSIGNED_TO_TECHNICIAN", "RETURNED_UNUSED", "CONSUMED_UNDER_WARRANTY");
        assertThat(records.get(2).get("at")).as("in the company zone").isEqualTo("2026-11-01T01:00:00+08:00");
        assertThat(records.get(2).get("productModel")).isEqualTo(model);
        List<Map<String, String>> sheet = xlsx(api.download("/api/parts/reports/movements.xlsx?location=" + holdingA,
                STOREKEEPER, "*/*"));
        assertThat(sheet).hasSize(6);
        assertThat(sheet).extracting(r -> r.get("quantity")).containsExactlyElementsOf(
                all.get("items").valueStream().map(m -> m.get("quantity").asString()).toList());
    }
}
