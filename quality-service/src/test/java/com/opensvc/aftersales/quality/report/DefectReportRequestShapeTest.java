package com.opensvc.aftersales.quality.report;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.opensvc.aftersales.quality.publication.PublicationProperties;
import com.opensvc.aftersales.quality.publication.ReportArchive;
import com.opensvc.aftersales.testkit.WebSliceTest;
import com.opensvc.aftersales.web.ReportFiles;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** RPT-01 for quality's defects on a web slice: roles, 400 naming the field, the JSON, CSV and xlsx shapes. */
@WebSliceTest(DefectReportController.class)
@Import({DefectReports.class, DefectReportRequestShapeTest.Config.class})
class DefectReportRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String[] ALL_ROLES = {"FRONT_DESK", "CUSTOMER_MANAGER", "SUPERVISOR", "TECHNICIAN",
            "STOREKEEPER", "QUALITY", "REVISIT_AGENT", "MANAGER", "SERVICE_DIRECTOR", "TECHNICAL_DIRECTOR",
            "GENERAL_MANAGER", "FINANCE", "ADMIN"};
    private static final List<String> READERS = List.of("QUALITY", "MANAGER", "TECHNICAL_DIRECTOR",
            "SERVICE_DIRECTOR", "GENERAL_MANAGER");

    @TestConfiguration
    static class Config {
        @Bean
        ReportProperties reportProperties() {
            return new ReportProperties(false, Duration.ofMinutes(15), DayOfWeek.MONDAY, "08:00", 3, 1, 366);
        }

        @Bean
        PublicationProperties publicationProperties() {
            return new PublicationProperties(SHANGHAI);
        }
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ReportRepository repository;
    @MockitoBean
    ReportArchive archive;

    private MvcResult get(String path, String... roles) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).with(as("someone", roles))).andReturn();
    }

    private static List<String> fields(MvcResult result) throws Exception {
        JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
        return body.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    private static Map<String, Object> row(String k1, String v1, String k2, String v2, long defects) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(k1, v1);
        row.put(k2, v2);
        row.put("defects", defects);
        return row;
    }

    @Test
    @DisplayName("RPT-01 SEC-01 the defects report and its .csv/.xlsx: quality and management 200, every other role 403, no token 401")
    void RPT01_roles() throws Exception {
        for (String suffix : new String[] {"", ".csv", ".xlsx"}) {
            String path = "/api/quality/reports/defects" + suffix + "?from=2026-11-01&to=2026-11-30";
            assertThat(mvc.perform(MockMvcRequestBuilders.get(path)).andReturn().getResponse().getStatus())
                    .as(path).isEqualTo(401);
            for (String role : ALL_ROLES) {
                assertThat(get(path, role).getResponse().getStatus()).as(path + " as " + role)
                        .isEqualTo(READERS.contains(role) ? 200 : 403);
            }
        }
    }

    @Test
    @DisplayName("RPT-01 bad periods and groupings → 400 naming the field, before any figure is read")
    void RPT01_badInput() throws Exception {
        String[][] cases = {
                {"?from=2026-11-30&to=2026-11-01", "to"},
                {"?from=2025-11-01&to=2026-11-02", "to"},
                {"?from=2026-11-31&to=2026-12-01", "from"},
                {"?from=2026-11-01&to=soon", "to"},
                {"?groupBy=week", "groupBy"},
                {"?groupBy=month,day", "groupBy"},
                {"?groupBy=product,product", "groupBy"},
                {"?groupBy=month,product,region", "groupBy"},
                {"?groupBy=", "groupBy"},
        };
        for (String[] c : cases) {
            for (String suffix : new String[] {"", ".csv", ".xlsx"}) {
                String path = "/api/quality/reports/defects" + suffix + c[0];
                if (c[0].equals("?groupBy=")) {
                    continue; // blank groupBy is the default (month)
                }
                MvcResult result = get(path, "QUALITY");
                assertThat(result.getResponse().getStatus()).as(path).isEqualTo(400);
                assertThat(fields(result)).as(path).containsExactly(c[1]);
            }
        }
        verifyNoInteractions(repository);
    }

    @Test
    @DisplayName("RPT-01 366 whole days is the longest period; from and to default to the 30 days ending today")
    void RPT01_periodLimits() throws Exception {
        when(archive.today()).thenReturn(LocalDate.parse("2026-12-02"));
        assertThat(get("/api/quality/reports/defects?from=2025-11-01&to=2026-11-01", "QUALITY").getResponse()
                .getStatus()).isEqualTo(200);
        MvcResult defaults = get("/api/quality/reports/defects", "MANAGER");
        assertThat(defaults.getResponse().getStatus()).isEqualTo(200);
        JsonNode body = JSON.readTree(defaults.getResponse().getContentAsString());
        assertThat(body.get("from").asString()).isEqualTo("2026-11-03");
        assertThat(body.get("to").asString()).isEqualTo("2026-12-02");
        assertThat(body.get("groupBy").get(0).asString()).isEqualTo("month");
        verify(repository).countBy(eq(List.of(Dimension.MONTH)), eq(Window.of(LocalDate.parse("2026-11-03"),
                LocalDate.parse("2026-12-02"), SHANGHAI)), eq(SHANGHAI));
    }

    @Test
    @DisplayName("RPT-01 defects by month and product as JSON rows with a total, and as CSV (BOM, header) and xlsx")
    void RPT01_formats() throws Exception {
        when(repository.countBy(eq(List.of(Dimension.MONTH, Dimension.PRODUCT)), any(), any())).thenReturn(List.of(
                row("month", "2026-10", "product", "AC-3200", 2), row("month", "2026-11", "product", "=AC-1", 3)));
        String query = "?from=2026-10-01&to=2026-11-30&groupBy=month,product";

        MvcResult json = get("/api/quality/reports/defects" + query, "QUALITY");
        JsonNode body = JSON.readTree(json.getResponse().getContentAsString());
        assertThat(body.get("total").asLong()).isEqualTo(5);
        assertThat(body.get("rows").get(1).get("product").asString()).isEqualTo("=AC-1");
        assertThat(body.get("rows").get(1).get("defects").asLong()).isEqualTo(3);

        MvcResult csv = get("/api/quality/reports/defects.csv" + query, "GENERAL_MANAGER");
        assertThat(csv.getResponse().getContentType()).isEqualTo(ReportFiles.CSV);
        assertThat(csv.getResponse().getHeader("Content-Disposition")).contains("attachment",
                "quality-defects-2026-10-01-2026-11-30.csv");
        String text = new String(csv.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        String[] lines = text.substring(1).split("\r\n");
        assertThat(lines[0]).isEqualTo("month,product,defects");
        assertThat(lines[1]).isEqualTo("2026-10,AC-3200,2");
        assertThat(lines[2]).isEqualTo("2026-11,'=AC-1,3");

        MvcResult xlsx = get("/api/quality/reports/defects.xlsx" + query, "TECHNICAL_DIRECTOR");
        assertThat(xlsx.getResponse().getContentType()).isEqualTo(ReportFiles.XLSX);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                xlsx.getResponse().getContentAsByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("defects");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("AC-3200");
            assertThat(sheet.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(3.0);
        }
    }
}
