package com.opensvc.aftersales.revisit.statistics;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.opensvc.aftersales.revisit.statistics.MonthlyStatistics.ListedRevisit;
import com.opensvc.aftersales.testkit.WebSliceTest;
import com.opensvc.aftersales.web.InvalidFieldException;

/** RPT-01, REV-07 on a web slice: roles (SEC-01, technicians never see revisits), 400 naming the field, the files. */
@WebSliceTest(StatisticsController.class)
class StatisticsRequestShapeTest {
    private static final String[] READERS = {"REVISIT_AGENT", "SUPERVISOR", "MANAGER", "SERVICE_DIRECTOR", "QUALITY"};
    private static final String[] OUTSIDERS = {"TECHNICIAN", "FRONT_DESK", "STOREKEEPER", "FINANCE"};

    @Autowired
    MockMvc mvc;
    @MockitoBean
    RevisitStatistics statistics;

    private MvcResult get(String path, String... roles) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).with(as("someone", roles))).andReturn();
    }

    private MvcResult post(String body, String... roles) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/api/revisit/statistics/monthly").with(as("someone", roles))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
    }

    private static RevisitFigures figures(String group) {
        return new RevisitFigures(group, 4, 3, 1, 1, 1, 0, 1, 0, 0, new BigDecimal("0.6667"), new BigDecimal("3.00"),
                new BigDecimal("3.33"), new BigDecimal("2.67"), new BigDecimal("3.00"), new BigDecimal("1.0000"), 40, 4,
                new BigDecimal("0.1000"));
    }

    private static RevisitReport report() {
        return new RevisitReport("2026-11", "region", List.of(figures("华东"), figures("=cmd")), figures(""));
    }

    private static MonthlyStatistics monthly() {
        YearMonth month = YearMonth.of(2026, 11);
        ListedRevisit unreachable = new ListedRevisit(UUID.randomUUID(), UUID.randomUUID(), "T-1", "HAPPY_CALL",
                "tech.north", 3, "agent.he", Instant.parse("2026-11-20T02:00:00Z"));
        return new MonthlyStatistics(MonthlyStatistics.idOf(month), month, LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 12, 1), figures(""), List.of(figures("tech.north")), List.of(unreachable), List.of(),
                "system:revisit-statistics", Instant.parse("2026-12-01T00:15:00Z"));
    }

    @Test
    @DisplayName("RPT-01 SEC-01 the revisit report for agents, supervisors, managers, the service director and quality; technicians and others 403")
    void RPT01_readersOnly() throws Exception {
        when(statistics.report(anyString(), anyString())).thenReturn(report());
        for (String role : READERS) {
            MvcResult result = get("/api/revisit/reports/revisits?period=2026-11&by=region", role);
            assertThat(result.getResponse().getStatus()).as(role).isEqualTo(200);
            assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                    .contains("\"group\":\"华东\"", "\"due\":4", "\"satisfactionRate\":0.6667", "\"total\"");
        }
        for (String role : OUTSIDERS) {
            for (String path : List.of("/api/revisit/reports/revisits?period=2026-11",
                    "/api/revisit/reports/revisits.csv?period=2026-11", "/api/revisit/reports/revisits.xlsx?period=2026-11",
                    "/api/revisit/statistics/monthly", "/api/revisit/statistics/monthly/2026-11",
                    "/api/revisit/statistics/monthly/2026-11.csv")) {
                assertThat(get(path, role).getResponse().getStatus()).as(role + " " + path).isEqualTo(403);
            }
        }
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/revisit/reports/revisits?period=2026")).andReturn()
                .getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    @DisplayName("RPT-01 a bad period or grouping is a 400 naming the field")
    void RPT01_badPeriodOrGrouping() throws Exception {
        when(statistics.report(anyString(), anyString())).thenCallRealMethod();
        // the real parsing runs before the (mocked) repository would be reached
        for (String query : List.of("period=2026-13", "period=26", "period=2026-Q5", "period=2026-02-30", "period=0000")) {
            MvcResult result = get("/api/revisit/reports/revisits?" + query, "SUPERVISOR");
            assertThat(result.getResponse().getStatus()).as(query).isEqualTo(400);
            assertThat(result.getResponse().getContentAsString()).as(query).contains("period");
        }
        assertThat(get("/api/revisit/reports/revisits", "SUPERVISOR").getResponse().getContentAsString())
                .contains("period");
        MvcResult by = get("/api/revisit/reports/revisits?period=2026&by=customer", "SUPERVISOR");
        assertThat(by.getResponse().getStatus()).isEqualTo(400);
        assertThat(by.getResponse().getContentAsString()).contains("by", "region, technician, product, kind, agent");
    }

    @Test
    @DisplayName("RPT-01 the report as CSV (UTF-8 with BOM, Chinese text, formulas defused, total line *) and as a workbook")
    void RPT01_files() throws Exception {
        when(statistics.report(anyString(), anyString())).thenReturn(report());
        MvcResult csv = get("/api/revisit/reports/revisits.csv?period=2026-11&by=region", "MANAGER");
        assertThat(csv.getResponse().getStatus()).isEqualTo(200);
        assertThat(csv.getResponse().getHeader("Content-Disposition")).contains("revisits-2026-11-by-region.csv");
        byte[] bytes = csv.getResponse().getContentAsByteArray();
        assertThat(bytes[0] & 0xff).isEqualTo(0xEF);
        String[] lines = new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertThat(lines[0]).startsWith("period,group,due,answered,verySatisfied,satisfied,neutral,dissatisfied,"
                + "unreachable,open,overdue,satisfactionRate");
        assertThat(lines[1]).startsWith("2026-11,华东,4,3,1,1,1,0,1,0,0,0.6667,3.00,3.33,2.67,3.00,1.0000,40,4,0.1000");
        assertThat(lines[2]).startsWith("2026-11,'=cmd,");
        assertThat(lines[3]).startsWith("2026-11,*,4,");

        MvcResult xlsx = get("/api/revisit/reports/revisits.xlsx?period=2026-11&by=region", "QUALITY");
        assertThat(xlsx.getResponse().getStatus()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("华东");
            assertThat(sheet.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(4.0);
            assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo("*");
        }
    }

    @Test
    @DisplayName("REV-07 REV-06 the monthly statistics: JSON lists the unreachable revisits; CSV and workbook per technician; an unknown month 404, a malformed one 400")
    void REV07_monthlyShapes() throws Exception {
        when(statistics.monthly(YearMonth.of(2026, 11))).thenReturn(java.util.Optional.of(monthly()));
        when(statistics.monthly(YearMonth.of(2026, 10))).thenReturn(java.util.Optional.empty());
        MvcResult json = get("/api/revisit/statistics/monthly/2026-11", "SUPERVISOR");
        assertThat(json.getResponse().getStatus()).isEqualTo(200);
        assertThat(json.getResponse().getContentAsString()).contains("\"month\":\"2026-11\"", "\"unreachable\":[",
                "\"ticketNumber\":\"T-1\"", "\"attempts\":3", "\"flaggedForReview\":[]");
        MvcResult csv = get("/api/revisit/statistics/monthly/2026-11.csv", "REVISIT_AGENT");
        assertThat(csv.getResponse().getStatus()).isEqualTo(200);
        assertThat(csv.getResponse().getHeader("Content-Disposition")).contains("revisit-statistics-2026-11.csv");
        assertThat(new String(csv.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8))
                .contains("2026-11,tech.north,4,", "2026-11,*,4,");
        assertThat(get("/api/revisit/statistics/monthly/2026-11.xlsx", "MANAGER").getResponse().getStatus())
                .isEqualTo(200);
        assertThat(get("/api/revisit/statistics/monthly/2026-10", "MANAGER").getResponse().getStatus()).isEqualTo(404);
        MvcResult malformed = get("/api/revisit/statistics/monthly/2026-13", "MANAGER");
        assertThat(malformed.getResponse().getStatus()).isEqualTo(400);
        assertThat(malformed.getResponse().getContentAsString()).contains("month");
    }

    @Test
    @DisplayName("REV-07 SEC-01 only the manager and the service director produce a month; the month is required and well-formed")
    void REV07_produceRolesAndShape() throws Exception {
        when(statistics.produce(any(), anyString())).thenReturn(new RevisitStatistics.Produced(monthly(), true));
        for (String role : List.of("SUPERVISOR", "REVISIT_AGENT", "QUALITY", "TECHNICIAN")) {
            assertThat(post("{\"month\":\"2026-11\"}", role).getResponse().getStatus()).as(role).isEqualTo(403);
        }
        verifyNoInteractions(statistics);
        assertThat(post("{\"month\":\"2026-11\"}", "MANAGER").getResponse().getStatus()).isEqualTo(201);
        when(statistics.produce(any(), anyString())).thenReturn(new RevisitStatistics.Produced(monthly(), false));
        assertThat(post("{\"month\":\"2026-11\"}", "SERVICE_DIRECTOR").getResponse().getStatus()).isEqualTo(200);
        for (String body : List.of("{}", "{\"month\":\"2026-13\"}", "{\"month\":\"November\"}", "{\"month\":null}")) {
            MvcResult bad = post(body, "MANAGER");
            assertThat(bad.getResponse().getStatus()).as(body).isEqualTo(400);
            assertThat(bad.getResponse().getContentAsString()).as(body).contains("month");
        }
        when(statistics.produce(any(), anyString())).thenThrow(new InvalidFieldException("month", "must be a finished month"));
        MvcResult current = post("{\"month\":\"2099-01\"}", "MANAGER");
        assertThat(current.getResponse().getStatus()).isEqualTo(400);
        assertThat(current.getResponse().getContentAsString()).contains("month");
    }
}
