package com.opensvc.aftersales.quality.report;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.opensvc.aftersales.contracts.EventContracts;
import com.opensvc.aftersales.quality.QualityServiceTest;
import com.opensvc.aftersales.quality.publication.PublicationProperties;
import com.opensvc.aftersales.quality.publication.PublishedReport;
import com.opensvc.aftersales.quality.publication.ReportArchive;
import com.opensvc.aftersales.quality.publication.ReportKind;
import com.opensvc.aftersales.quality.publication.ReportPeriod;
import com.opensvc.aftersales.quality.ticketfact.TicketFacts;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.EventSender;
import com.opensvc.aftersales.testkit.ProbeTopics;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * QLT-03 and RPT-01 on the embedded platform: defects from dispatch's RepairClosed, regions, customers and referrers
 * from intake's tickets, parts used and unused from parts' events — reported through the API, kept once by the job.
 */
@QualityServiceTest
class QualityReportsFlowTest {
    private static final String WORK_ORDERS = "aftersales.dispatch.workorder";
    private static final String TICKETS = "aftersales.intake.ticket";
    private static final String STOCK = "aftersales.parts.stock";
    private static final EventContracts CONTRACTS = EventContracts.load();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RestApi api;
    @ProbeTopics("aftersales.quality.defect")
    private EventProbe probe;
    private EventSender sender;
    @Autowired
    private QualityReportJob job;
    @Autowired
    private ReportArchive archive;
    @Autowired
    private PublicationProperties publication;
    @Autowired
    private TicketFacts ticketFacts;
    @Autowired
    private MonthlyStatisticsReport monthlyStatistics;
    @Autowired
    private JdbcClient jdbc;
    private final String quality = token("qe.sun", "QUALITY");

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A ticket accepted in the region for the customer (referred by the salesperson if any), then its repair closed. */
    private UUID defect(String model, String failureMode, String cause, String region, UUID customer,
                        String salesperson) {
        UUID ticket = UUID.randomUUID();
        String number = unique("T");
        String referrer = salesperson == null ? "null"
                : "{\"name\":\"%s\",\"department\":\"SALES\"}".formatted(salesperson);
        sender.send(TICKETS, ticket.toString(), "TicketRegistered", "intake-service", """
                {"ticketId":"%s","ticketNumber":"%s","channel":"%s","serviceType":"ON_SITE","productModel":"%s",
                 "entitlement":"FREE_REPAIR","kind":"SERVICE_REQUEST","referredBy":%s,"actor":"desk",
                 "occurredAt":"%s"}""".formatted(ticket, number, salesperson == null ? "PHONE" : "INTERNAL_REFERRAL",
                model, referrer, Instant.now()));
        sender.send(TICKETS, ticket.toString(), "TicketAccepted", "intake-service", """
                {"ticketId":"%s","ticketNumber":"%s","serviceType":"ON_SITE","entitlement":"FREE_REPAIR",
                 "customerRegion":"%s","productLine":"AC","productModel":"%s","serialNumber":"SN-%s",
                 "expectedParts":[],"priority":"NORMAL","qualityMustReport":false,"customerId":"%s",
                 "actor":"desk","occurredAt":"%s"}""".formatted(ticket, number, region, model, number, customer,
                Instant.now()));
        sender.send(WORK_ORDERS, ticket.toString(), "RepairClosed", "dispatch-service", """
                {"workOrderId":"%s","ticketId":"%s","technicianId":"tech.north","productModel":"%s",
                 "serialNumber":"SN-%s","entitlement":"FREE_REPAIR","outcome":"FIXED","symptom":"%s",
                 "causeCode":"%s","actions":"replaced","partsUsed":[],"labourMinutes":60,"firstTimeFix":true,
                 "customerConfirmation":"SIGNED","actor":"tech.north","occurredAt":"%s"}"""
                .formatted(UUID.randomUUID(), ticket, model, number, failureMode, cause, Instant.now()));
        return ticket;
    }

    private void awaitDefects(List<UUID> tickets) {
        await().atMost(Duration.ofSeconds(60)).until(() -> tickets.stream().allMatch(t ->
                api.get("/api/quality/defects?ticketId=" + t, quality).body().get("totalItems").asLong() == 1
                        && ticketFacts.find(t).map(f -> f.acceptedAt() != null).orElse(false)));
    }

    private LocalDate today() {
        return archive.today();
    }

    private Instant localTime(LocalDate day, String time) {
        return day.atTime(java.time.LocalTime.parse(time)).atZone(publication.zone()).toInstant();
    }

    private static long countOf(JsonNode section, String key) {
        return section.valueStream().filter(c -> key.equals(c.get("key").asString())).findFirst()
                .map(c -> c.get("count").asLong()).orElse(0L);
    }

    @Test
    @DisplayName("QLT-03 the weekly after-sales report: two replicas run the job at Monday 08:05 → one kept report, one QualityReportPublished; figures by failure mode, model, region, department, parts used vs unused, open items; CSV and xlsx")
    void QLT03_weeklyReportKeptOnceWithItsFigures() throws Exception {
        String model = unique("WK");
        String leak = unique("leak");
        String noise = unique("noise");
        String region = unique("R");
        String part = unique("P");
        UUID customer = UUID.randomUUID();
        List<UUID> tickets = List.of(defect(model, leak, "C-SEAL", region, customer, null),
                defect(model, leak, "C-SEAL", region, customer, null),
                defect(model, noise, "C-FAN", region, customer, null));
        UUID ticket = tickets.get(0);
        sender.send(STOCK, ticket.toString(), "PartsWrittenOff", "parts-service", """
                {"workOrderId":"%s","ticketId":"%s","technicianId":"tech.north","lines":[
                 {"partNumber":"%s","quantity":2,"reason":"CONSUMED_UNDER_WARRANTY","oldSerial":"OLD-1"},
                 {"partNumber":"%s","quantity":1,"reason":"SCRAPPED"}],
                 "actor":"system:parts-consumption","occurredAt":"%s"}"""
                .formatted(UUID.randomUUID(), ticket, part, part, Instant.now()));
        sender.send(STOCK, ticket.toString(), "PartsReturned", "parts-service", """
                {"workOrderId":"%s","ticketId":"%s","technicianId":"tech.north","loanId":"%s","partNumber":"%s",
                 "quantity":1,"fromLocation":"TECH-tech.north","toLocation":"QUARANTINE-S1","store":"S1",
                 "actor":"store.wu","occurredAt":"%s"}"""
                .formatted(UUID.randomUUID(), ticket, UUID.randomUUID(), part, Instant.now()));
        awaitDefects(tickets);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "SELECT count(*) FROM part_usage WHERE part_number = :p").param("p", part).query(Long.class).single() == 2);

        // the coming Monday 08:05, company time: the week due is this one (Monday–Sunday), where the defects are
        LocalDate monday = today().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        Instant mondayMorning = localTime(monday, "08:05");
        ReportPeriod week = ReportPeriod.weekBefore(monday);
        CyclicBarrier start = new CyclicBarrier(2);
        List<PublishedReport> kept = Collections.synchronizedList(new ArrayList<>());
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(replicas.submit(() -> {
                    start.await();
                    kept.addAll(job.publishDue(mondayMorning));
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            replicas.shutdown();
        }
        List<PublishedReport> weekly = kept.stream().filter(r -> r.kind() == ReportKind.WEEKLY_AFTER_SALES).toList();
        assertThat(weekly).hasSize(1);
        PublishedReport report = weekly.get(0);
        assertThat(report.periodFrom()).isEqualTo(week.from());
        assertThat(report.periodTo()).isEqualTo(week.to());

        var listed = api.get("/api/quality/published-reports?kind=WEEKLY_AFTER_SALES&from=" + week.from() + "&to="
                + week.to(), quality);
        assertThat(listed.body().get("totalItems").asLong()).isEqualTo(1);

        ConsumerRecord<String, String> published = probe.await(r -> report.id().toString().equals(r.key())
                && "QualityReportPublished".equals(EventProbe.eventType(r)), Duration.ofSeconds(60));
        assertThat(CONTRACTS.validate(EventProbe.header(published, "ce_type"), published.value())).isEmpty();
        JsonNode event = JSON.readTree(published.value());
        assertThat(event.get("kind").asString()).isEqualTo("WEEKLY_AFTER_SALES");
        assertThat(event.get("audience").valueStream().map(JsonNode::asString).toList())
                .contains("QUALITY", "PRODUCTION", "ENGINEERING", "AFTER_SALES", "PURCHASING");
        // the awaited record is still in the probe's buffer: it is the only one for the report
        assertThat(probe.drain(Duration.ofSeconds(3))).filteredOn(r -> report.id().toString().equals(r.key()))
                .hasSize(1);

        var details = api.get("/api/quality/published-reports/" + report.id(), quality);
        assertThat(details.status()).isEqualTo(200);
        JsonNode content = details.body().get("content");
        System.out.println("QLT-03 weekly sample " + week.from() + ".." + week.to() + ": " + content);
        assertThat(countOf(content.get("byModel"), model)).isEqualTo(3);
        assertThat(countOf(content.get("byFailureMode"), leak)).isEqualTo(2);
        assertThat(countOf(content.get("byFailureMode"), noise)).isEqualTo(1);
        assertThat(countOf(content.get("byRegion"), region)).isEqualTo(3);
        assertThat(countOf(content.get("byDepartment"), "UNASSIGNED")).isGreaterThanOrEqualTo(3);
        JsonNode partFigures = content.get("parts").get("byPart").valueStream()
                .filter(p -> part.equals(p.get("partNumber").asString())).findFirst().orElseThrow();
        assertThat(partFigures.get("used").asLong()).isEqualTo(2);
        assertThat(partFigures.get("unused").asLong()).isEqualTo(1);
        assertThat(content.get("openItems").get("defectsWithoutDepartment").asLong()).isGreaterThanOrEqualTo(3);

        var csv = api.download("/api/quality/published-reports/" + report.id() + ".csv", quality, "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFsection,key,count\r\n");
        assertThat(text).contains("model," + model + ",3\r\n", "partsUsed," + part + ",2\r\n",
                "partsUnused," + part + ",1\r\n");
        var xlsx = api.download("/api/quality/published-reports/" + report.id() + ".xlsx", quality,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).startsWith("application/vnd.openxmlformats");
        assertThat(api.get("/api/quality/published-reports/" + report.id(), token("tech", "TECHNICIAN")).status())
                .isEqualTo(403);

        // a third run finds it kept: nothing new
        assertThat(job.publishDue(ReportKind.WEEKLY_AFTER_SALES, mondayMorning)).isEmpty();
    }

    @Test
    @DisplayName("QLT-03 early next month quality answers each salesperson's reported failures: one kept report per referrer, sent to them and SALES")
    void QLT03_answersToEachSalesperson() {
        String model = unique("SA");
        String salesperson = unique("sales");
        String other = unique("sales");
        List<UUID> tickets = List.of(defect(model, "no cooling", "C-COMP", "EAST", UUID.randomUUID(), salesperson),
                defect(model, "leak", "C-SEAL", "EAST", UUID.randomUUID(), salesperson),
                defect(model, "noise", "C-FAN", "WEST", UUID.randomUUID(), other),
                defect(model, "noise", "C-FAN", "WEST", UUID.randomUUID(), null));
        awaitDefects(tickets);

        LocalDate thirdOfNextMonth = YearMonth.from(today()).plusMonths(1).atDay(3);
        assertThat(job.publishDue(ReportKind.SALESPERSON_ANSWERS, localTime(thirdOfNextMonth, "07:59")))
                .noneMatch(r -> r.subject().equals(salesperson));
        job.publishDue(ReportKind.SALESPERSON_ANSWERS, localTime(thirdOfNextMonth, "08:05"));

        YearMonth month = YearMonth.from(today());
        var listed = api.get("/api/quality/published-reports?kind=SALESPERSON_ANSWERS&subject=" + salesperson, quality);
        assertThat(listed.body().get("totalItems").asLong()).isEqualTo(1);
        JsonNode item = listed.body().get("items").get(0);
        assertThat(item.get("periodFrom").asString()).isEqualTo(month.atDay(1).toString());
        assertThat(item.get("rowCount").asInt()).isEqualTo(2);
        assertThat(item.get("audience").valueStream().map(JsonNode::asString).toList())
                .containsExactly(salesperson, "SALES");
        String id = item.get("id").asString();
        JsonNode failures = api.get("/api/quality/published-reports/" + id, quality).body().get("content")
                .get("failures");
        assertThat(failures.valueStream().map(f -> f.get("failureMode").asString()).toList())
                .containsExactlyInAnyOrder("no cooling", "leak");
        assertThat(failures.valueStream().map(f -> f.get("cause").asString()).toList())
                .containsExactlyInAnyOrder("C-COMP", "C-SEAL");
        assertThat(failures.get(0).get("ticketNumber").asString()).startsWith("T-");
        assertThat(failures.get(0).get("state").asString()).isNotBlank();

        ConsumerRecord<String, String> published = probe.await(r -> id.equals(r.key())
                && "QualityReportPublished".equals(EventProbe.eventType(r)), Duration.ofSeconds(60));
        assertThat(CONTRACTS.validate(EventProbe.header(published, "ce_type"), published.value())).isEmpty();
        assertThat(JSON.readTree(published.value()).get("subject").asString()).isEqualTo(salesperson);
        assertThat(api.get("/api/quality/published-reports?kind=SALESPERSON_ANSWERS&subject=" + other, quality).body()
                .get("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    @DisplayName("QLT-03 monthly statistics for management: by model, failure mode, region, department and source beside the month before; kept on the 1st")
    void QLT03_monthlyStatistics() {
        String model = unique("MS");
        String mode = unique("mode");
        List<UUID> tickets = List.of(defect(model, mode, "C-PCB", "NORTH", UUID.randomUUID(), null),
                defect(model, mode, "C-PCB", "NORTH", UUID.randomUUID(), null));
        awaitDefects(tickets);

        YearMonth month = YearMonth.from(today());
        var statistics = (MonthlyStatisticsReport.Monthly) monthlyStatistics.generate(ReportPeriod.of(month), "")
                .json();
        MonthlyStatisticsReport.Trend byModel = statistics.sections().get("model").stream()
                .filter(t -> t.key().equals(model)).findFirst().orElseThrow();
        assertThat(byModel.count()).isEqualTo(2);
        assertThat(byModel.previousMonth()).isZero();
        assertThat(byModel.change()).isEqualTo(2);
        assertThat(statistics.sections().get("failureMode")).anyMatch(t -> t.key().equals(mode) && t.count() == 2);
        assertThat(statistics.sections().get("source")).anyMatch(t -> t.key().equals("REPAIR_CLOSED") && t.count() >= 2);
        assertThat(statistics.defects().count()).isGreaterThanOrEqualTo(2);

        job.publishDue(ReportKind.MONTHLY_STATISTICS, localTime(month.plusMonths(1).atDay(1), "08:05"));
        var listed = api.get("/api/quality/published-reports?kind=MONTHLY_STATISTICS&from=" + month.atDay(1) + "&to="
                + month.atEndOfMonth(), token("gm", "GENERAL_MANAGER"));
        assertThat(listed.body().get("totalItems").asLong()).isEqualTo(1);
        assertThat(listed.body().get("items").get(0).get("audience").valueStream().map(JsonNode::asString).toList())
                .contains("GENERAL_MANAGER", "MANAGER");
    }

    @Test
    @DisplayName("RPT-01 defects by period, product, region, customer, failure mode and department through the API, as CSV and xlsx; roles and 400s")
    void RPT01_defectsByDimension() {
        String model = unique("RP");
        String mode = unique("mode");
        String east = unique("E");
        String west = unique("W");
        UUID customer = UUID.randomUUID();
        List<UUID> tickets = List.of(defect(model, mode, "C-1", east, customer, null),
                defect(model, mode, "C-1", east, customer, null),
                defect(model, mode, "C-2", west, UUID.randomUUID(), null));
        awaitDefects(tickets);
        String period = "from=" + today().minusDays(1) + "&to=" + today().plusDays(1);

        JsonNode byProductRegion = api.get("/api/quality/reports/defects?" + period + "&groupBy=product,region",
                quality).body();
        assertThat(byProductRegion.get("groupBy").valueStream().map(JsonNode::asString).toList())
                .containsExactly("product", "region");
        List<JsonNode> mine = byProductRegion.get("rows").valueStream()
                .filter(r -> model.equals(r.get("product").asString())).toList();
        assertThat(mine).hasSize(2);
        assertThat(mine).anyMatch(r -> east.equals(r.get("region").asString()) && r.get("defects").asLong() == 2);
        assertThat(mine).anyMatch(r -> west.equals(r.get("region").asString()) && r.get("defects").asLong() == 1);

        JsonNode byDay = api.get("/api/quality/reports/defects?" + period + "&groupBy=day,product",
                token("md", "MANAGER")).body();
        assertThat(byDay.get("rows").valueStream().filter(r -> model.equals(r.get("product").asString()))
                .mapToLong(r -> r.get("defects").asLong()).sum()).isEqualTo(3);
        JsonNode byCustomer = api.get("/api/quality/reports/defects?" + period + "&groupBy=customer",
                token("sd", "SERVICE_DIRECTOR")).body();
        assertThat(byCustomer.get("rows")).anyMatch(r -> customer.toString().equals(r.get("customer").asString())
                && r.get("defects").asLong() == 2);
        JsonNode byMode = api.get("/api/quality/reports/defects?" + period + "&groupBy=failureMode", quality).body();
        assertThat(byMode.get("rows")).anyMatch(r -> mode.equals(r.get("failureMode").asString())
                && r.get("defects").asLong() == 3);
        JsonNode byDepartment = api.get("/api/quality/reports/defects?" + period + "&groupBy=department", quality)
                .body();
        assertThat(byDepartment.get("rows")).anyMatch(r -> "UNASSIGNED".equals(r.get("department").asString())
                && r.get("defects").asLong() >= 3);
        JsonNode byYear = api.get("/api/quality/reports/defects?" + period + "&groupBy=year", quality).body();
        assertThat(byYear.get("total").asLong()).isGreaterThanOrEqualTo(3);

        var csv = api.download("/api/quality/reports/defects.csv?" + period + "&groupBy=failureMode", quality,
                "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFfailureMode,defects\r\n").contains(mode + ",3\r\n");
        var xlsx = api.download("/api/quality/reports/defects.xlsx?" + period + "&groupBy=quarter,region", quality,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).startsWith("application/vnd.openxmlformats");

        assertThat(api.get("/api/quality/reports/defects?" + period, token("desk", "FRONT_DESK")).status())
                .isEqualTo(403);
        var backwards = api.get("/api/quality/reports/defects?from=" + today() + "&to=" + today().minusDays(1),
                quality);
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body().get("errors").get(0).get("field").asString()).isEqualTo("to");
    }
}
