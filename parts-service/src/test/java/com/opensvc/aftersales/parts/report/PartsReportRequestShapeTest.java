package com.opensvc.aftersales.parts.report;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.opensvc.aftersales.parts.loan.PartsProperties;
import com.opensvc.aftersales.parts.report.PartsReportRepository.StockValueLine;
import com.opensvc.aftersales.testkit.WebSliceTest;
import com.opensvc.aftersales.web.ReportFiles;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** PRT-07 RPT-01 on a web slice: roles, SEC-02 for technicians, 400 naming the field, the three formats read back. */
@WebSliceTest(PartsReportController.class)
@Import({PartsReports.class, PartsReportRequestShapeTest.Config.class})
class PartsReportRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String[] ALL_ROLES = {"FRONT_DESK", "CUSTOMER_MANAGER", "SUPERVISOR", "TECHNICIAN",
            "STOREKEEPER", "QUALITY", "REVISIT_AGENT", "MANAGER", "SERVICE_DIRECTOR", "TECHNICAL_DIRECTOR",
            "GENERAL_MANAGER", "FINANCE", "ADMIN"};

    @TestConfiguration
    static class Config {
        @Bean
        PartsReportProperties partsReportProperties() {
            return new PartsReportProperties(SHANGHAI, 366, 2);
        }

        @Bean
        PartsProperties partsProperties() {
            return new PartsProperties(Period.ofDays(7), "CNY");
        }
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean
    PartsReportRepository repository;

    private MvcResult get(String path, String subject, String... roles) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).with(as(subject, roles))).andReturn();
    }

    private static List<String> fields(MvcResult result) throws Exception {
        JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
        return body.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    private static List<CSVRecord> csv(MvcResult result) throws Exception {
        String text = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
    }

    private static final String PERIOD = "?from=2026-11-01&to=2026-11-30";
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "/api/parts/reports/holdings", List.of("STOREKEEPER", "SUPERVISOR", "MANAGER", "TECHNICIAN"),
            "/api/parts/reports/consumption" + PERIOD, List.of("STOREKEEPER", "MANAGER", "QUALITY", "FINANCE"),
            "/api/parts/reports/scrap" + PERIOD, List.of("STOREKEEPER", "MANAGER", "QUALITY", "FINANCE"),
            "/api/parts/reports/inventory-value", List.of("STOREKEEPER", "MANAGER", "FINANCE", "GENERAL_MANAGER"),
            "/api/parts/reports/movements", List.of("STOREKEEPER", "MANAGER", "FINANCE", "SUPERVISOR"));

    private static String withSuffix(String path, String suffix) {
        int query = path.indexOf('?');
        return query < 0 ? path + suffix : path.substring(0, query) + suffix + path.substring(query);
    }

    @Test
    @DisplayName("PRT-07 SEC-01 each report and its .csv/.xlsx name their roles: the right ones 200, every other 403, no token 401")
    void PRT07_roles() throws Exception {
        for (var report : ALLOWED.entrySet()) {
            for (String suffix : new String[] {"", ".csv", ".xlsx"}) {
                String path = withSuffix(report.getKey(), suffix);
                assertThat(mvc.perform(MockMvcRequestBuilders.get(path)).andReturn().getResponse().getStatus())
                        .as(path).isEqualTo(401);
                for (String role : ALL_ROLES) {
                    int status = get(path, "someone", role).getResponse().getStatus();
                    assertThat(status).as(path + " as " + role)
                            .isEqualTo(report.getValue().contains(role) ? 200 : 403);
                }
            }
        }
        for (String role : ALL_ROLES) {
            assertThat(get("/api/parts/reports/holdings/mine", "tech.north", role).getResponse().getStatus())
                    .as(role).isEqualTo(role.equals("TECHNICIAN") ? 200 : 403);
        }
    }

    @Test
    @DisplayName("PRT-07 SEC-02 a technician sees only their own holding: the filter is forced, another's is 403")
    void PRT07_technicianSeesOnlyOwnHolding() throws Exception {
        when(repository.holdings(any(), any(), anyLong(), anyLong())).thenReturn(List.of(
                new HoldingRow("tech.north", "TECH-tech.north", "CMP-100", "压缩机", 3, 1, 1, 1, 1)));
        when(repository.countHoldings(any(), any())).thenReturn(1L);

        MvcResult own = get("/api/parts/reports/holdings", "tech.north", "TECHNICIAN");
        assertThat(own.getResponse().getStatus()).isEqualTo(200);
        assertThat(own.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("\"technician\":\"tech.north\"", "\"holding\":1", "\"totalItems\":1");
        assertThat(get("/api/parts/reports/holdings/mine?partNumber=CMP-100", "tech.north", "TECHNICIAN")
                .getResponse().getStatus()).isEqualTo(200);
        assertThat(get("/api/parts/reports/holdings.csv?technician=tech.north", "tech.north", "TECHNICIAN")
                .getResponse().getStatus()).isEqualTo(200);
        verify(repository, org.mockito.Mockito.times(1)).holdings(eq("TECH-tech.north"), isNull(), eq(50L), eq(0L));
        verify(repository).holdings(eq("TECH-tech.north"), eq("CMP-100"), eq(50L), eq(0L));
        verify(repository).holdings(eq("TECH-tech.north"), isNull(), eq(2L), eq(0L));

        for (String path : new String[] {"/api/parts/reports/holdings?technician=tech.south",
                "/api/parts/reports/holdings.csv?technician=tech.south",
                "/api/parts/reports/holdings.xlsx?technician=tech.south"}) {
            assertThat(get(path, "tech.north", "TECHNICIAN").getResponse().getStatus()).as(path).isEqualTo(403);
        }
        assertThat(get("/api/parts/reports/holdings?technician=tech.south", "store.wu", "STOREKEEPER")
                .getResponse().getStatus()).isEqualTo(200);
        verify(repository).holdings(eq("TECH-tech.south"), isNull(), eq(50L), eq(0L));
        assertThat(get("/api/parts/reports/holdings", "sup.li", "SUPERVISOR").getResponse().getStatus()).isEqualTo(200);
        verify(repository).holdings(isNull(), isNull(), eq(50L), eq(0L));
    }

    @Test
    @DisplayName("PRT-07 bad periods → 400 naming the field: missing, malformed, to before from, longer than 366 days, unknown granularity")
    void PRT07_badPeriods() throws Exception {
        String[][] cases = {
                {"?to=2026-11-30", "from"},
                {"?from=2026-11-01", "to"},
                {"?from=2026-11-31&to=2026-12-01", "from"},
                {"?from=2026-11-01&to=yesterday", "to"},
                {"?from=2026-11-30&to=2026-11-01", "to"},
                {"?from=2025-01-01&to=2026-01-02", "to"},
                {"?from=0000-01-01&to=2026-01-02", "from"},
                {"?from=2026-11-01&to=2026-11-30&granularity=week", "granularity"},
        };
        for (String base : new String[] {"/api/parts/reports/consumption", "/api/parts/reports/scrap"}) {
            for (String[] c : cases) {
                for (String suffix : new String[] {"", ".csv", ".xlsx"}) {
                    MvcResult result = get(base + suffix + c[0], "fin", "FINANCE");
                    assertThat(result.getResponse().getStatus()).as(base + suffix + c[0]).isEqualTo(400);
                    assertThat(fields(result)).as(base + suffix + c[0]).containsExactly(c[1]);
                }
            }
        }
        String[][] history = {
                {"?from=2026-11-01", "to"},
                {"?to=2026-11-01", "from"},
                {"?from=2026-11-30&to=2026-11-01", "to"},
                {"?from=2024-01-01&to=2026-11-01", "to"},
                {"?reason=STOLEN", "reason"},
                {"?workOrderId=not-a-uuid", "workOrderId"},
        };
        for (String[] c : history) {
            for (String suffix : new String[] {"", ".csv", ".xlsx"}) {
                MvcResult result = get("/api/parts/reports/movements" + suffix + c[0], "store.wu", "STOREKEEPER");
                assertThat(result.getResponse().getStatus()).as(suffix + c[0]).isEqualTo(400);
                assertThat(fields(result)).as(suffix + c[0]).containsExactly(c[1]);
            }
        }
        MvcResult kind = get("/api/parts/reports/inventory-value?kind=SHOP", "fin", "FINANCE");
        assertThat(kind.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(kind)).containsExactly("kind");
        verifyNoInteractions(repository);
    }

    @ParameterizedTest
    @ValueSource(strings = {"size=0", "size=-1", "size=201", "size=abc", "size=2147483648", "page=-1", "page=x",
            "page=99999999999"})
    @DisplayName("PRT-07 bad paging on the report lists → 400 naming page or size, never a 500")
    void PRT07_badPaging(String query) throws Exception {
        for (String path : new String[] {"/api/parts/reports/movements?", "/api/parts/reports/holdings?",
                "/api/parts/reports/consumption" + PERIOD + "&"}) {
            MvcResult result = get(path + query, "store.wu", "STOREKEEPER");
            assertThat(result.getResponse().getStatus()).as(path + query).isEqualTo(400);
            assertThat(fields(result)).as(query).containsExactly(query.substring(0, query.indexOf('=')));
        }
    }

    @Test
    @DisplayName("PRT-07 the largest page is fine: the offset is a long, never negative")
    void PRT07_hugePage() throws Exception {
        assertThat(get("/api/parts/reports/movements?page=2147483647&size=200", "store.wu", "STOREKEEPER")
                .getResponse().getStatus()).isEqualTo(200);
        verify(repository).history(any(), eq(200L), eq(2147483647L * 200));
    }

    @Test
    @DisplayName("PRT-07 RPT-01 consumption as JSON, CSV and Excel: the same figures; the period in the company zone")
    void PRT07_consumptionThreeFormats() throws Exception {
        List<ConsumptionRow> rows = List.of(new ConsumptionRow("2026-11", "AC-3200", "CMP-100", "压缩机", 2, 1, 3),
                new ConsumptionRow("2026-11", null, "=FLT", "滤网", 0, 4, 4));
        when(repository.consumption(any(), any(), any(), any(), any(), any(), any(), anyLong(), anyLong()))
                .thenReturn(rows);
        when(repository.countConsumption(any(), any(), any(), any(), any(), any(), any())).thenReturn(2L);

        MvcResult json = get("/api/parts/reports/consumption" + PERIOD + "&productModel=AC-3200", "q", "QUALITY");
        assertThat(json.getResponse().getStatus()).isEqualTo(200);
        JsonNode page = JSON.readTree(json.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.get("totalItems").asLong()).isEqualTo(2);
        assertThat(page.get("items").get(0).get("underWarranty").asInt()).isEqualTo(2);
        assertThat(page.get("items").get(0).get("onPaidWork").asInt()).isEqualTo(1);
        verify(repository).consumption(Granularity.MONTH, Instant.parse("2026-10-31T16:00:00Z"),
                Instant.parse("2026-11-30T16:00:00Z"), SHANGHAI, "2026-11-01/2026-11-30", "AC-3200", null, 50L, 0L);

        MvcResult csv = get("/api/parts/reports/consumption.csv" + PERIOD + "&granularity=period", "fin", "FINANCE");
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        assertThat(csv.getResponse().getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"consumption-2026-11-01-2026-11-30.csv\"");
        assertThat(csv.getResponse().getHeader("X-Total-Items")).isEqualTo("2");
        assertThat(csv.getResponse().getHeader("X-Truncated")).isEqualTo("false");
        List<CSVRecord> records = csv(csv);
        assertThat(records).hasSize(2);
        assertThat(records.get(0).get("description")).isEqualTo("压缩机");
        assertThat(records.get(0).get("underWarranty")).isEqualTo("2");
        assertThat(records.get(1).get("productModel")).isEmpty();
        assertThat(records.get(1).get("partNumber")).isEqualTo("'=FLT");
        verify(repository).consumption(eq(Granularity.PERIOD), any(), any(), any(), eq("2026-11-01/2026-11-30"),
                isNull(), isNull(), eq(2L), eq(0L));

        MvcResult xlsx = get("/api/parts/reports/consumption.xlsx" + PERIOD, "mgr", "MANAGER");
        assertThat(xlsx.getResponse().getContentType()).isEqualTo(ReportFiles.XLSX);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            Sheet sheet = workbook.getSheet("Consumption");
            assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("underWarranty");
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("压缩机");
            assertThat(sheet.getRow(1).getCell(6).getNumericCellValue()).isEqualTo(3.0);
            assertThat(sheet.getRow(2).getCell(1)).isNull();
        }
    }

    @Test
    @DisplayName("PRT-07 a download holds at most max-export-rows rows and says how many matched (X-Truncated)")
    void PRT07_exportsAreCapped() throws Exception {
        when(repository.history(any(), anyLong(), anyLong())).thenReturn(List.of(
                new MovementLine(9, Instant.parse("2026-11-30T02:00:00Z"), "CMP-100", "压缩机", "S1", "TECH-a", 1,
                        "ISSUE_TO_TECHNICIAN", "system", null, null, null, null),
                new MovementLine(8, Instant.parse("2026-11-30T01:00:00Z"), "CMP-100", "压缩机", null, "S1", 5,
                        "RECEIVED", "store.wu", null, null, "PL-1", null)));
        when(repository.countHistory(any())).thenReturn(7L);
        MvcResult csv = get("/api/parts/reports/movements.csv", "store.wu", "STOREKEEPER");
        assertThat(csv.getResponse().getStatus()).isEqualTo(200);
        assertThat(csv.getResponse().getHeader("X-Total-Items")).isEqualTo("7");
        assertThat(csv.getResponse().getHeader("X-Truncated")).isEqualTo("true");
        assertThat(csv.getResponse().getHeader("Content-Disposition")).contains("movements-all.csv");
        List<CSVRecord> records = csv(csv);
        assertThat(records).hasSize(2);
        assertThat(records.get(0).get("at")).as("in the company zone").isEqualTo("2026-11-30T10:00:00+08:00");
        assertThat(records.get(1).get("fromLocation")).isEmpty();
        verify(repository).history(any(), eq(2L), eq(0L));
    }

    @Test
    @DisplayName("PRT-07 inventory value: on hand × unit price, totals per location and overall, in the catalogue currency")
    void PRT07_inventoryValue() throws Exception {
        when(repository.stockOnHand(any(), any())).thenReturn(List.of(
                new StockValueLine("S1", "STORE", "CMP-100", "压缩机", 2, new BigDecimal("1280.00")),
                new StockValueLine("S1", "STORE", "FLT-200", "滤网", 10, new BigDecimal("45.00")),
                new StockValueLine("TECH-a", "TECHNICIAN", "CMP-100", "压缩机", 1, new BigDecimal("1280.00"))));
        MvcResult json = get("/api/parts/reports/inventory-value?kind=STORE", "gm", "GENERAL_MANAGER");
        JsonNode value = JSON.readTree(json.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(value.get("currency").asString()).isEqualTo("CNY");
        assertThat(value.get("total").decimalValue()).isEqualByComparingTo("4290.00");
        assertThat(value.get("locations").get(0).get("total").decimalValue()).isEqualByComparingTo("3010.00");
        assertThat(value.get("locations").get(0).get("parts").get(1).get("value").decimalValue())
                .isEqualByComparingTo("450.00");
        verify(repository).stockOnHand(null, "STORE");

        MvcResult download = get("/api/parts/reports/inventory-value.csv", "fin", "FINANCE");
        List<CSVRecord> records = csv(download);
        assertThat(records).as("max-export-rows (2 here) caps the part lines; the totals stay whole")
                .extracting(r -> r.get("line"))
                .containsExactly("PART", "PART", "LOCATION_TOTAL", "LOCATION_TOTAL", "TOTAL");
        assertThat(download.getResponse().getHeader("X-Truncated")).isEqualTo("true");
        assertThat(records.get(3).get("value")).isEqualTo("1280.00");
        assertThat(records.get(4).get("value")).isEqualTo("4290.00");
        assertThat(records.get(4).get("currency")).isEqualTo("CNY");
    }
}
