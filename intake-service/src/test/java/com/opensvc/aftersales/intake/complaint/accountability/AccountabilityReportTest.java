package com.opensvc.aftersales.intake.complaint.accountability;

import static com.opensvc.aftersales.intake.complaint.ComplaintFixtures.complaintAboutTechnician;
import static com.opensvc.aftersales.intake.complaint.ComplaintFixtures.path;
import static com.opensvc.aftersales.intake.complaint.ComplaintFixtures.register;
import static com.opensvc.aftersales.intake.complaint.ComplaintFixtures.walkToDone;
import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.opensvc.aftersales.contracts.EventContracts;
import com.opensvc.aftersales.intake.IntakeProperties;
import com.opensvc.aftersales.intake.IntakeServiceTest;
import com.opensvc.aftersales.intake.complaint.ComplaintFixtures.Handlers;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.ProbeTopics;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntakeServiceTest
@ProbeTopics("aftersales.intake.ticket")
class AccountabilityReportTest {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcClient jdbc;
    @Autowired
    IntakeProperties properties;
    @Autowired
    AccountabilityReportJob job;
    private RestApi api;
    private EventProbe probe;

    private final String desk = token("desk.li", "FRONT_DESK");
    private final String customerManager = token("cm.zhao", "CUSTOMER_MANAGER");
    private final String manager = token("mgr.sun", "MANAGER");
    private final String generalManager = token("gm.zhou", "GENERAL_MANAGER");
    private final String finance = token("fin.lu", "FINANCE");
    /** The penalised person of this run only, so the totals are exactly this test's. */
    private final String fitter = "fitter." + UUID.randomUUID().toString().substring(0, 8);

    @Test
    @DisplayName("INT-21 the month's report lists the complaint's responsibility decision and penalties with totals per person and department, as JSON, CSV and Excel")
    void INT21_reportAsJsonCsvAndExcel() throws Exception {
        String id = registerComplaint();
        walkToDoneWithPenalties(id);
        OffsetDateTime decidedAt = jdbc.sql("SELECT max(p.decided_at) FROM complaint_penalty p JOIN complaint c "
                + "ON c.id = p.complaint_id WHERE c.ticket_id = :t").param("t", UUID.fromString(id))
                .query(OffsetDateTime.class).single();
        YearMonth month = YearMonth.from(decidedAt.atZoneSameInstant(properties.zone()));
        String path = "/api/intake/reports/accountability?month=" + month;

        var json = api.get(path, finance);
        assertThat(json.status()).as(json.body().toString()).isEqualTo(200);
        JsonNode report = json.body();
        assertThat(report.get("month").asString()).isEqualTo(month.toString());
        JsonNode complaint = report.get("complaints").valueStream()
                .filter(c -> id.equals(c.get("ticketId").asString())).findFirst().orElseThrow();
        assertThat(complaint.get("responsibleDepartment").asString()).isEqualTo("AFTER_SALES");
        assertThat(complaint.get("responsiblePerson").asString()).isEqualTo("tech.south");
        assertThat(complaint.get("remedy").asString()).isEqualTo("COMPENSATION");
        assertThat(complaint.get("approvedBy").asString()).as("the GM approver").isEqualTo("gm.zhou");
        List<JsonNode> penalties = report.get("penalties").valueStream()
                .filter(p -> fitter.equals(p.get("person").asString())).toList();
        assertThat(penalties).hasSize(2);
        JsonNode deduction = penalties.stream().filter(p -> "DEDUCTION".equals(p.get("kind").asString())).findFirst().orElseThrow();
        assertThat(deduction.get("amount").decimalValue()).isEqualByComparingTo("350.50");
        assertThat(deduction.get("departmentAssessed").asBoolean()).isTrue();
        assertThat(deduction.get("responsibleDepartment").asString()).isEqualTo("AFTER_SALES");
        JsonNode personTotal = report.get("totalsByPerson").valueStream()
                .filter(p -> fitter.equals(p.get("person").asString())).findFirst().orElseThrow();
        assertThat(personTotal.get("penalties").asInt()).isEqualTo(2);
        assertThat(personTotal.get("warnings").asInt()).isEqualTo(1);
        assertThat(personTotal.get("deductionAmount").decimalValue()).isEqualByComparingTo("350.50");
        assertThat(personTotal.get("notAssessed").asInt()).isEqualTo(1);
        assertThat(report.get("totalsByDepartment").valueStream().map(d -> d.get("department").asString()))
                .contains("AFTER_SALES");
        assertThat(report.get("totalDeductions").decimalValue()).isGreaterThanOrEqualTo(new BigDecimal("350.50"));

        var csv = api.download(path, finance, "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith(0xEF, 0xBB, 0xBF);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new InputStreamReader(new ByteArrayInputStream(csv.body(), 3, csv.body().length - 3),
                        StandardCharsets.UTF_8)).getRecords();
        CSVRecord csvDeduction = rows.stream().filter(r -> "PENALTY".equals(r.get("record")) && fitter.equals(r.get("person"))
                && "DEDUCTION".equals(r.get("kind"))).findFirst().orElseThrow();
        assertThat(new BigDecimal(csvDeduction.get("amount"))).isEqualByComparingTo("350.50");
        assertThat(csvDeduction.get("responsibleDepartment")).isEqualTo("AFTER_SALES");
        CSVRecord csvTotal = rows.stream().filter(r -> "PERSON_TOTAL".equals(r.get("record")) && fitter.equals(r.get("person")))
                .findFirst().orElseThrow();
        assertThat(new BigDecimal(csvTotal.get("deductionAmount"))).isEqualByComparingTo("350.50");
        assertThat(rows.stream().anyMatch(r -> "COMPLAINT".equals(r.get("record"))
                && "gm.zhou".equals(r.get("approvedBy")) && "tech.south".equals(r.get("responsiblePerson")))).isTrue();

        var xlsx = api.download(path, finance, XLSX);
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).startsWith(XLSX);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheet("Accountability");
            DataFormatter text = new DataFormatter();
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> header.add(text.formatCellValue(cell)));
            int record = header.indexOf("record");
            int person = header.indexOf("person");
            int kind = header.indexOf("kind");
            int amount = header.indexOf("amount");
            Optional<Row> row = java.util.stream.StreamSupport.stream(sheet.spliterator(), false)
                    .filter(r -> "PENALTY".equals(text.formatCellValue(r.getCell(record)))
                            && fitter.equals(text.formatCellValue(r.getCell(person)))
                            && "DEDUCTION".equals(text.formatCellValue(r.getCell(kind)))).findFirst();
            assertThat(row).isPresent();
            assertThat(row.get().getCell(amount).getNumericCellValue()).isEqualTo(350.5);
        }

        assertThat(api.get(path, desk).status()).as("SEC-01").isEqualTo(403);
        assertThat(api.get(path, customerManager).status()).isEqualTo(403);
        assertThat(api.get(path, generalManager).status()).isEqualTo(200);
        assertThat(api.get(path, manager).status()).isEqualTo(200);
        assertThat(api.get(path, token("sd.he", "SERVICE_DIRECTOR")).status()).isEqualTo(200);
        var badMonth = api.get("/api/intake/reports/accountability?month=2026-13", finance);
        assertThat(badMonth.status()).isEqualTo(400);
        assertThat(badMonth.body().get("errors").get(0).get("field").asString()).isEqualTo("month");
        assertThat(api.download("/api/intake/reports/accountability?month=2026-13", finance, "text/csv").status())
                .isEqualTo(400);
    }

    @Test
    @DisplayName("INT-21 two replicas running the monthly job at once issue the month's report exactly once, with one AccountabilityReportIssued")
    void INT21_concurrentRunsIssueOnce() throws Exception {
        YearMonth month = YearMonth.of(1900 + ThreadLocalRandom.current().nextInt(100), 1 + ThreadLocalRandom.current().nextInt(12));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Optional<AccountabilityReport>>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(threads.submit(() -> {
                    start.await();
                    return job.issue(month);
                }));
            }
            start.countDown();
            int issued = 0;
            for (var run : runs) {
                issued += run.get().isPresent() ? 1 : 0;
            }
            assertThat(issued).isEqualTo(1);
        } finally {
            threads.shutdown();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM accountability_report WHERE month = :m").param("m", month.toString())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(job.issue(month)).as("a later run issues nothing").isEmpty();

        String key = AccountabilityReports.reportId(month).toString();
        ConsumerRecord<String, String> event = probe.awaitType("AccountabilityReportIssued", key, Duration.ofSeconds(30));
        assertThat(EventContracts.load().validate(EventProbe.header(event, "ce_type"), event.value())).isEmpty();
        JsonNode payload = JSON.readTree(event.value());
        assertThat(payload.get("month").asString()).isEqualTo(month.toString());
        assertThat(payload.get("reportUrl").asString()).isEqualTo("/api/intake/reports/accountability?month=" + month);
        assertThat(payload.get("recipients").valueStream().map(JsonNode::asString)).containsExactly("GENERAL_MANAGER", "FINANCE");
        assertThat(payload.get("actor").asString()).isEqualTo("system:accountability-report");
        long events = probe.drain(Duration.ofSeconds(3)).stream()
                .filter(r -> "AccountabilityReportIssued".equals(EventProbe.eventType(r)) && key.equals(r.key())).count();
        assertThat(events).isEqualTo(1);
        assertThat(api.get("/api/intake/reports/accountability?month=" + month, finance).body().get("issuedBy").asString())
                .isEqualTo("system:accountability-report");
    }

    private void walkToDoneWithPenalties(String id) {
        walkToDone(api, id, new Handlers(desk, customerManager, manager, generalManager), "COMPENSATION",
                Map.of("note", "fee refunded", "penalties", List.of(
                        Map.of("person", fitter, "kind", "DEDUCTION", "amount", new BigDecimal("350.50"), "note", "rude on site",
                                "departmentAssessed", true),
                        Map.of("person", fitter, "kind", "WARNING", "departmentAssessed", false))));
    }

    private String registerComplaint() {
        return register(api, complaintAboutTechnician(false, LocalDate.now(properties.zone()).toString()), desk);
    }

    private RestApi.Response post(String id, String step, Object body, String token) {
        return api.post(path(id, step), body, token);
    }
}
