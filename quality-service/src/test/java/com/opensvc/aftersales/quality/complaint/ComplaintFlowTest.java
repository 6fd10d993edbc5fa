package com.opensvc.aftersales.quality.complaint;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.opensvc.aftersales.contracts.EventContracts;
import com.opensvc.aftersales.quality.QualityServiceTest;
import com.opensvc.aftersales.quality.publication.PublishedReport;
import com.opensvc.aftersales.quality.publication.ReportKind;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.EventSender;
import com.opensvc.aftersales.testkit.ProbeTopics;
import com.opensvc.aftersales.testkit.RestApi;
import com.opensvc.aftersales.testkit.SharedInfrastructure;

import tools.jackson.databind.JsonNode;

/** QLT-04, RPT-01: complaint statistics and summaries on the running service, from intake's and revisit's events. */
@QualityServiceTest
class ComplaintFlowTest {
    private static final String TICKETS = "aftersales.intake.ticket";
    private static final String REVISITS = "aftersales.revisit.revisit";
    private static final EventContracts CONTRACTS = EventContracts.load();

    @Autowired
    ComplaintReportJob job;
    private RestApi api;
    @ProbeTopics("aftersales.quality.defect")
    private EventProbe probe;
    private EventSender sender;

    private final String quality = token("qe.sun", "QUALITY");
    private final String generalManager = token("gm.zhou", "GENERAL_MANAGER");
    private final String customerManager = token("cm.lin", "CUSTOMER_MANAGER");
    private final String frontDesk = token("desk.li", "FRONT_DESK");
    private final String technician = token("tech.north", "TECHNICIAN");

    @BeforeAll
    static void consumedTopics() throws Exception {
        SharedInfrastructure.get().createTopics(TICKETS, REVISITS);
    }

    // --- intake's and revisit's events, as they publish them -----------------------------------------------------

    private String registered(UUID ticket, String kind, String category, String at) {
        String number = "T-2031-%06d".formatted(Math.abs(ticket.hashCode() % 1_000_000));
        sender.send(TICKETS, ticket.toString(), "TicketRegistered", "intake-service", """
                {"ticketId":"%s","ticketNumber":"%s","channel":"PHONE","serviceType":"ON_SITE",
                 "productModel":"CP-900","entitlement":"FREE_REPAIR","kind":"%s","category":"%s",
                 "actor":"desk","occurredAt":"%s"}
                """.formatted(ticket, number, kind, category, at));
        return number;
    }

    private void accepted(UUID ticket, UUID customer, String region, String at) {
        sender.send(TICKETS, ticket.toString(), "TicketAccepted", "intake-service", """
                {"ticketId":"%s","ticketNumber":"T-2031-000001","serviceType":"ON_SITE","entitlement":"FREE_REPAIR",
                 "customerRegion":"%s","productLine":"AC","productModel":"CP-900","serialNumber":"S-1",
                 "expectedParts":[],"priority":"NORMAL","qualityMustReport":false,"kind":"COMPLAINT",
                 "customerId":"%s","actor":"desk","occurredAt":"%s"}
                """.formatted(ticket, region, customer, at));
    }

    private void responsibility(UUID ticket, String stage, String department, String at) {
        sender.send(TICKETS, ticket.toString(), "ComplaintResponsibilityAssigned", "intake-service", """
                {"ticketId":"%s","ticketNumber":"T-2031-000001","complaintId":"%s","stage":"%s",
                 "responsibleDepartment":"%s","remedy":"COMPENSATION","actor":"cm.lin","occurredAt":"%s"}
                """.formatted(ticket, UUID.randomUUID(), stage, department, at));
    }

    private void finished(UUID ticket, String customerClass, String content, String handling, String department,
                          boolean penalised, boolean major, String at) {
        sender.send(TICKETS, ticket.toString(), "ComplaintFinished", "intake-service", """
                {"ticketId":"%s","ticketNumber":"T-2031-000001","complaintId":"%s","customerClass":"%s",
                 "category":"SERVICE_ATTITUDE","contentGroup":"%s","handling":"%s","escalationLevel":%d,
                 "responsibleDepartment":%s,"remedy":null,"penalised":%s,"major":%s,"actor":"cm.lin",
                 "occurredAt":"%s"}
                """.formatted(ticket, UUID.randomUUID(), customerClass, content, handling, major ? 1 : 0,
                department == null ? "null" : "\"" + department + "\"", penalised, major, at));
    }

    private void revisited(UUID ticket, String satisfaction, String at) {
        sender.send(REVISITS, ticket.toString(), "RevisitCompleted", "revisit-service", """
                {"revisitId":"%s","ticketId":"%s","workOrderId":null,"satisfaction":"%s","flaggedForReview":false,
                 "actor":"rv.anna","occurredAt":"%s"}
                """.formatted(UUID.randomUUID(), ticket, satisfaction, at));
    }

    private void dissatisfied(UUID ticket, String at) {
        sender.send(REVISITS, ticket.toString(), "CustomerDissatisfied", "revisit-service", """
                {"revisitId":"%s","ticketId":"%s","workOrderId":null,"comment":"still rude","actor":"rv.anna",
                 "occurredAt":"%s"}
                """.formatted(UUID.randomUUID(), ticket, at));
    }

    private void closed(UUID ticket, String at) {
        sender.send(TICKETS, ticket.toString(), "TicketClosed", "intake-service", """
                {"ticketId":"%s","ticketNumber":"T-2031-000001","closedBecause":"RevisitCompleted",
                 "actor":"system:intake-closure","occurredAt":"%s"}
                """.formatted(ticket, at));
    }

    private static long count(JsonNode section, String key) {
        return section.path(key).asLong(-1);
    }

    @Test
    @DisplayName("QLT-04 RPT-01 complaint statistics by class, content, handling, satisfaction and department from "
            + "intake's and revisit's events; by period and dimension; CSV and Excel; readers only")
    void QLT04_statisticsFromEvents() {
        UUID customer = UUID.randomUUID();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID lateInZone = UUID.randomUUID();
        UUID service = UUID.randomUUID();
        UUID bare = UUID.randomUUID();
        // a: people, within deadline, penalised; satisfied, then dissatisfied on the later revisit; closed
        registered(a, "COMPLAINT", "SERVICE_ATTITUDE", "2031-03-10T02:00:00Z");
        accepted(a, customer, "EAST", "2031-03-10T03:00:00Z");
        responsibility(a, "RECORDED", "SALES", "2031-03-11T01:00:00Z");
        responsibility(a, "APPROVED", "WAREHOUSE", "2031-03-12T01:00:00Z");
        finished(a, "B", "PEOPLE", "WITHIN_DEADLINE", "AFTER_SALES", true, false, "2031-03-13T01:00:00Z");
        finished(a, "B", "PEOPLE", "WITHIN_DEADLINE", "AFTER_SALES", true, false, "2031-03-13T01:00:00Z");
        revisited(a, "SATISFIED", "2031-03-14T01:00:00Z");
        dissatisfied(a, "2031-03-20T01:00:00Z");
        revisited(a, "VERY_SATISFIED", "2031-03-15T01:00:00Z"); // older than the dissatisfied call: never wins
        closed(a, "2031-03-21T01:00:00Z");
        // b: goods, immediate, major; the approved department stands against a later-arriving recorded one
        registered(b, "COMPLAINT", "PRODUCT_QUALITY", "2031-03-11T02:00:00Z");
        accepted(b, customer, "EAST", "2031-03-11T03:00:00Z");
        responsibility(b, "APPROVED", "PRODUCTION", "2031-03-12T01:00:00Z");
        responsibility(b, "RECORDED", "LOGISTICS", "2031-03-12T02:00:00Z");
        finished(b, "A", "GOODS", "IMMEDIATE", null, false, true, "2031-03-13T01:00:00Z");
        revisited(b, "VERY_SATISFIED", "2031-03-14T01:00:00Z");
        // registered 1 April in the company zone (UTC+8): not March's
        registered(lateInZone, "COMPLAINT", "BILLING", "2031-03-31T17:00:00Z");
        // a service request and its happy call are no complaint
        registered(service, "SERVICE_REQUEST", "REPAIR", "2031-03-12T02:00:00Z");
        revisited(service, "NEUTRAL", "2031-03-14T01:00:00Z");
        // registered only: unknown class, unfinished, not revisited, unassigned
        registered(bare, "COMPLAINT", "DELIVERY_DELAY", "2031-03-12T02:00:00Z");

        String march = "?from=2031-03-01&to=2031-03-31";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            RestApi.Response response = api.get("/api/quality/complaint-statistics" + march, quality);
            assertThat(response.status()).isEqualTo(200);
            JsonNode s = response.body();
            assertThat(s.path("total").asLong()).isEqualTo(3);
            assertThat(count(s.path("byCustomerClass"), "A")).isEqualTo(1);
            assertThat(count(s.path("byCustomerClass"), "B")).isEqualTo(1);
            assertThat(count(s.path("byCustomerClass"), "C")).isZero();
            assertThat(count(s.path("byCustomerClass"), "UNKNOWN")).isEqualTo(1);
            assertThat(count(s.path("byContent"), "PEOPLE")).isEqualTo(1);
            assertThat(count(s.path("byContent"), "GOODS")).isEqualTo(1);
            assertThat(count(s.path("byContent"), "UNFINISHED")).isEqualTo(1);
            assertThat(count(s.path("byHandling"), "WITHIN_DEADLINE")).isEqualTo(1);
            assertThat(count(s.path("byHandling"), "IMMEDIATE")).isEqualTo(1);
            assertThat(count(s.path("byHandling"), "REPEATED")).isZero();
            assertThat(count(s.path("bySatisfaction"), "DISSATISFIED")).isEqualTo(1);
            assertThat(count(s.path("bySatisfaction"), "VERY_SATISFIED")).isEqualTo(1);
            assertThat(count(s.path("bySatisfaction"), "NEUTRAL")).isZero();
            assertThat(count(s.path("bySatisfaction"), "NOT_REVISITED")).isEqualTo(1);
            assertThat(count(s.path("byResponsibleDepartment"), "AFTER_SALES")).isEqualTo(1);
            assertThat(count(s.path("byResponsibleDepartment"), "PRODUCTION")).isEqualTo(1);
            assertThat(count(s.path("byResponsibleDepartment"), "UNASSIGNED")).isEqualTo(1);
            assertThat(s.path("byResponsibleDepartment").has("LOGISTICS")).isFalse();
            // closed arrives last on a's partition
            JsonNode byRegion = api.get("/api/quality/reports/complaints" + march + "&groupBy=region", quality).body();
            assertThat(byRegion.path("items").get(0).path("closed").asLong()).isEqualTo(1);
        });
        JsonNode april = api.get("/api/quality/complaint-statistics?from=2031-04-01&to=2031-04-01", quality).body();
        assertThat(april.path("total").asLong()).isEqualTo(1);

        // RPT-01 by period and dimension
        JsonNode byDay = api.get("/api/quality/reports/complaints" + march + "&groupBy=day", customerManager).body();
        assertThat(byDay.path("items")).extracting(n -> n.path("group").asString() + "=" + n.path("complaints").asLong())
                .containsExactly("2031-03-10=1", "2031-03-11=1", "2031-03-12=1");
        JsonNode byRegion = api.get("/api/quality/reports/complaints" + march + "&groupBy=region", quality).body();
        assertThat(byRegion.path("items")).extracting(n -> n.path("group").asString() + "=" + n.path("complaints").asLong())
                .containsExactly("EAST=2", "UNKNOWN=1");
        JsonNode east = byRegion.path("items").get(0);
        assertThat(east.path("major").asLong()).isEqualTo(1);
        assertThat(east.path("penalised").asLong()).isEqualTo(1);
        assertThat(east.path("dissatisfied").asLong()).isEqualTo(1);
        assertThat(east.path("finished").asLong()).isEqualTo(2);
        JsonNode byCustomer = api.get("/api/quality/reports/complaints" + march + "&groupBy=customer", quality).body();
        assertThat(byCustomer.path("items").get(0).path("group").asString()).isEqualTo(customer.toString());
        assertThat(byCustomer.path("items").get(0).path("complaints").asLong()).isEqualTo(2);
        JsonNode byQuarter = api.get("/api/quality/reports/complaints?from=2031-01-01&to=2031-06-30&groupBy=quarter",
                generalManager).body();
        assertThat(byQuarter.path("items")).extracting(n -> n.path("group").asString() + "=" + n.path("complaints").asLong())
                .containsExactly("2031-Q1=3", "2031-Q2=1");
        JsonNode byProduct = api.get("/api/quality/reports/complaints" + march + "&groupBy=product", quality).body();
        assertThat(byProduct.path("items").get(0).path("group").asString()).isEqualTo("CP-900");
        JsonNode byDepartment = api.get("/api/quality/reports/complaints" + march + "&groupBy=department", quality)
                .body();
        assertThat(byDepartment.path("totalItems").asLong()).isEqualTo(3);

        // downloads
        RestApi.Download csv = api.download("/api/quality/complaint-statistics.csv" + march, quality, "*/*");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains("customerClass,A,1")
                .contains("satisfaction,DISSATISFIED,1").contains("responsibleDepartment,UNASSIGNED,1");
        RestApi.Download regionCsv = api.download("/api/quality/reports/complaints.csv" + march + "&groupBy=region",
                quality, "*/*");
        assertThat(new String(regionCsv.body(), StandardCharsets.UTF_8)).contains("EAST,2,2,1,1,1,1,1");
        RestApi.Download xlsx = api.download("/api/quality/reports/complaints.xlsx" + march, quality, "*/*");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.body()).startsWith(new byte[] {'P', 'K'});

        // roles
        assertThat(api.get("/api/quality/complaint-statistics" + march, frontDesk).status()).isEqualTo(403);
        assertThat(api.get("/api/quality/reports/complaints" + march, technician).status()).isEqualTo(403);
        assertThat(api.get("/api/quality/complaint-statistics?from=2031-03-31&to=2031-03-01", quality).status())
                .isEqualTo(400);
    }

    @Test
    @DisplayName("QLT-04 on a Tuesday that is the 2nd: the weekly and the monthly complaint summary, kept and announced; "
            + "on the 3rd the monthly complaint analysis against the month before")
    void QLT04_summariesOnTuesdayAndTheSecond() {
        UUID customer = UUID.randomUUID();
        UUID inWeek = UUID.randomUUID();
        UUID inMonth = UUID.randomUUID();
        UUID january = UUID.randomUUID();
        UUID afterWeek = UUID.randomUUID();
        String weekNumber = registered(inWeek, "COMPLAINT", "DELIVERY_DELAY", "2032-02-25T03:00:00Z");
        accepted(inWeek, customer, "NORTH", "2032-02-25T04:00:00Z");
        finished(inWeek, "C", "TIMELINESS", "REPEATED", "LOGISTICS", false, true, "2032-02-27T03:00:00Z");
        String monthNumber = registered(inMonth, "COMPLAINT", "DELIVERY_DELAY", "2032-02-10T03:00:00Z");
        accepted(inMonth, customer, "NORTH", "2032-02-10T04:00:00Z");
        finished(inMonth, "C", "GOODS", "IMMEDIATE", "WAREHOUSE", true, false, "2032-02-12T03:00:00Z");
        revisited(inMonth, "NEUTRAL", "2032-02-13T03:00:00Z");
        registered(january, "COMPLAINT", "PRODUCT_QUALITY", "2032-01-15T03:00:00Z");
        registered(afterWeek, "COMPLAINT", "BILLING", "2032-03-01T17:00:00Z"); // 2 March in the company zone
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode feb = api.get("/api/quality/complaint-statistics?from=2032-02-01&to=2032-02-29", quality).body();
            assertThat(feb.path("total").asLong()).isEqualTo(2);
            assertThat(count(feb.path("bySatisfaction"), "NEUTRAL")).isEqualTo(1);
            assertThat(count(feb.path("byHandling"), "REPEATED")).isEqualTo(1);
            JsonNode march = api.get("/api/quality/complaint-statistics?from=2032-03-02&to=2032-03-02", quality).body();
            assertThat(march.path("total").asLong()).isEqualTo(1);
        });

        LocalDate tuesdayTheSecond = LocalDate.parse("2032-03-02");
        List<PublishedReport> kept = job.publishDue(tuesdayTheSecond);
        PublishedReport weekly = only(kept, ReportKind.COMPLAINT_SUMMARY, "2032-02-24");
        assertThat(weekly.periodTo()).isEqualTo(LocalDate.parse("2032-03-01"));
        assertThat(weekly.rowCount()).isEqualTo(1);
        assertThat(weekly.audience()).containsExactlyInAnyOrder("GENERAL_MANAGER", "MANAGER", "SERVICE_DIRECTOR");
        PublishedReport monthly = only(kept, ReportKind.COMPLAINT_SUMMARY, "2032-02-01");
        assertThat(monthly.periodTo()).isEqualTo(LocalDate.parse("2032-02-29"));
        assertThat(monthly.rowCount()).isEqualTo(2);
        PublishedReport januaryAnalysis = only(kept, ReportKind.MONTHLY_COMPLAINT_ANALYSIS, "2032-01-01");
        assertThat(januaryAnalysis.periodTo()).isEqualTo(LocalDate.parse("2032-01-31"));
        assertThat(kept).hasSize(3);
        assertThat(job.publishDue(tuesdayTheSecond)).as("kept once").isEmpty();

        JsonNode weeklyContent = api.get("/api/quality/published-reports/" + weekly.id(), generalManager).body()
                .path("content");
        assertThat(weeklyContent.path("cadence").asString()).isEqualTo("WEEKLY");
        assertThat(weeklyContent.path("complaints")).extracting(n -> n.path("ticketNumber").asString())
                .containsExactly(weekNumber);
        assertThat(weeklyContent.path("complaints").get(0).path("contentGroup").asString()).isEqualTo("TIMELINESS");
        assertThat(weeklyContent.path("counts").path("total").asLong()).isEqualTo(1);
        JsonNode monthlyContent = api.get("/api/quality/published-reports/" + monthly.id(), quality).body()
                .path("content");
        assertThat(monthlyContent.path("cadence").asString()).isEqualTo("MONTHLY");
        assertThat(monthlyContent.path("complaints")).extracting(n -> n.path("ticketNumber").asString())
                .containsExactly(monthNumber, weekNumber);
        assertThat(monthlyContent.path("counts").path("byCustomerClass").path("C").asLong()).isEqualTo(2);
        RestApi.Download csv = api.download("/api/quality/published-reports/" + monthly.id() + ".csv", quality, "*/*");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains(monthNumber).contains("WAREHOUSE")
                .contains("NEUTRAL");

        ConsumerRecord<String, String> announced = probe.awaitType("QualityReportPublished", weekly.id().toString(),
                Duration.ofSeconds(30));
        assertThat(CONTRACTS.validate(EventContracts.ceType("QualityReportPublished", 1), announced.value())).isEmpty();
        assertThat(announced.value()).contains("COMPLAINT_SUMMARY").contains("GENERAL_MANAGER");

        // the 3rd: February's analysis against January
        List<PublishedReport> third = job.publishDue(LocalDate.parse("2032-03-03"));
        PublishedReport analysis = only(third, ReportKind.MONTHLY_COMPLAINT_ANALYSIS, "2032-02-01");
        assertThat(third).hasSize(1);
        JsonNode content = api.get("/api/quality/published-reports/" + analysis.id(), quality).body().path("content");
        assertThat(content.path("current").path("total").asLong()).isEqualTo(2);
        assertThat(content.path("previous").path("total").asLong()).isEqualTo(1);
        assertThat(content.path("previousFrom").asString()).isEqualTo("2032-01-01");
        assertThat(content.path("repeatedCustomers")).hasSize(1);
        assertThat(content.path("repeatedCustomers").get(0).path("customerId").asString())
                .isEqualTo(customer.toString());
        assertThat(content.path("repeatedCustomers").get(0).path("complaints").asLong()).isEqualTo(2);
        assertThat(content.path("topCategories").get(0).path("category").asString()).isEqualTo("DELIVERY_DELAY");
        assertThat(content.path("topCategories").get(0).path("complaints").asLong()).isEqualTo(2);
        assertThat(content.path("majorOrPenalised")).hasSize(2);
        assertThat(content.path("byDimension").path("region").get(0).path("group").asString()).isEqualTo("NORTH");
        RestApi.Download analysisCsv = api.download("/api/quality/published-reports/" + analysis.id() + ".csv",
                quality, "*/*");
        assertThat(new String(analysisCsv.body(), StandardCharsets.UTF_8)).contains("total,ALL,2,1")
                .contains("topCategory,DELIVERY_DELAY,2,0");
        assertThat(api.get("/api/quality/published-reports/" + analysis.id(), technician).status()).isEqualTo(403);
    }

    @Test
    @DisplayName("QLT-04 two replicas running the complaint reports at once keep each report once")
    void QLT04_twoReplicasKeepOne() throws Exception {
        LocalDate day = LocalDate.parse("2033-08-02");
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            Callable<List<PublishedReport>> run = () -> job.publishDue(day);
            List<Future<List<PublishedReport>>> runs = replicas.invokeAll(List.of(run, run));
            List<PublishedReport> kept = new ArrayList<>();
            for (Future<List<PublishedReport>> f : runs) {
                kept.addAll(f.get());
            }
            assertThat(kept).extracting(r -> r.kind() + ":" + r.periodFrom()).containsExactlyInAnyOrder(
                    "COMPLAINT_SUMMARY:2033-07-26", "COMPLAINT_SUMMARY:2033-07-01",
                    "MONTHLY_COMPLAINT_ANALYSIS:2033-06-01");
        } finally {
            replicas.shutdown();
        }
        JsonNode listed = api.get("/api/quality/published-reports?kind=COMPLAINT_SUMMARY&from=2033-07-01&to=2033-08-01",
                quality).body();
        assertThat(listed.path("totalItems").asLong()).isEqualTo(2);
    }

    private static PublishedReport only(List<PublishedReport> kept, ReportKind kind, String from) {
        List<PublishedReport> matching = kept.stream()
                .filter(r -> r.kind() == kind && r.periodFrom().equals(LocalDate.parse(from))).toList();
        assertThat(matching).as(kind + " from " + from).hasSize(1);
        return matching.get(0);
    }
}
