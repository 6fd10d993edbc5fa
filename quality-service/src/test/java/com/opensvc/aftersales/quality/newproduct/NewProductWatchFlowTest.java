package com.opensvc.aftersales.quality.newproduct;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import com.opensvc.aftersales.contracts.EventContracts;
import com.opensvc.aftersales.quality.QualityServiceTest;
import com.opensvc.aftersales.quality.defect.DefectLogged;
import com.opensvc.aftersales.quality.installedbase.InstalledBase;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.EventSender;
import com.opensvc.aftersales.testkit.ProbeTopics;
import com.opensvc.aftersales.testkit.RestApi;
import com.opensvc.aftersales.testkit.SharedInfrastructure;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** QLT-07 on the running service: watched models report every failure; the survey report per model. */
@QualityServiceTest
class NewProductWatchFlowTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String TICKETS = "aftersales.intake.ticket";
    private static final EventContracts CONTRACTS = EventContracts.load();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REPORTED_TYPE = "com.opensvc.aftersales.NewProductFailureReported.v1";

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    InstalledBase installedBase;
    @Autowired
    NewProductSurveyJob job;
    private RestApi api;
    @ProbeTopics("aftersales.quality.defect")
    private EventProbe probe;
    private EventSender sender;

    private final String quality = token("qe.sun", "QUALITY");
    private final String supervisor = token("sup.ma", "SUPERVISOR");
    private final String technician = token("tech.north", "TECHNICIAN");
    private final String frontDesk = token("desk.li", "FRONT_DESK");

    @BeforeAll
    static void consumedTopics() throws Exception {
        SharedInfrastructure.get().createTopics(TICKETS);
    }

    private static String uniqueModel() {
        return "NP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    private void launch(String model, LocalDate on) {
        var response = api.put("/api/quality/product-models/" + model + "/launch", Map.of("launchedOn", on.toString()),
                quality, Map.of());
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(200);
    }

    /** The defect feature's contract: DefectLogged published inside the recording transaction. */
    private DefectLogged fail(String model, UUID ticket, String mode, Instant failedAt) {
        DefectLogged logged = new DefectLogged(UUID.randomUUID(), ticket, UUID.randomUUID(), "REPAIR_CLOSED", model,
                "S-" + UUID.randomUUID().toString().substring(0, 6), "B-1", LocalDate.parse("2026-01-10"), mode,
                "CAUSE-" + mode, null, "EAST", failedAt, Instant.now());
        transactions.executeWithoutResult(status -> events.publishEvent(logged));
        return logged;
    }

    private static Instant at(LocalDate day) {
        return day.atTime(LocalTime.NOON).atZone(ZONE).toInstant();
    }

    private JsonNode watched(String model) {
        var response = api.get("/api/quality/new-products?size=200", supervisor);
        assertThat(response.status()).isEqualTo(200);
        for (JsonNode item : response.body().get("items")) {
            if (item.get("productModel").asString().equals(model)) {
                return item;
            }
        }
        return null;
    }

    private void installUnits(String model, int count, LocalDate shipDate) {
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            sender.send(TICKETS, id.toString(), "InstalledProductRecorded", "intake-service", """
                    {"installedProductId":"%s","version":1,"customerId":"%s","productModel":"%s","serialNumber":"S-%04d",
                     "factoryDate":"%s","shipDate":"%s","productionRecord":null,"actor":"desk","occurredAt":"2026-11-01T00:00:00Z"}
                    """.formatted(id, UUID.randomUUID(), model, i, shipDate.minusDays(10), shipDate));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> installedBase.count(model) == count);
    }

    @Test
    @DisplayName("QLT-07 a failure of a model launched less than 3 months ago → NewProductFailureReported keyed by ticket, once; the model is listed with its failures")
    void QLT07_watchedModelReportsEveryFailure() {
        String model = uniqueModel();
        launch(model, today().minusDays(10));
        UUID ticket = UUID.randomUUID();
        DefectLogged logged = fail(model, ticket, "Does not drain", Instant.now());
        transactions.executeWithoutResult(status -> events.publishEvent(logged));

        ConsumerRecord<String, String> reported = probe.awaitType("NewProductFailureReported", ticket.toString(),
                Duration.ofSeconds(30));
        assertThat(EventProbe.header(reported, "ce_type")).isEqualTo(REPORTED_TYPE);
        assertThat(CONTRACTS.validate(REPORTED_TYPE, reported.value())).isEmpty();
        JsonNode payload = JSON.readTree(reported.value());
        assertThat(payload.get("defectId").asString()).isEqualTo(logged.defectId().toString());
        assertThat(payload.get("daysSinceLaunch").asInt()).isEqualTo(10);
        assertThat(payload.get("launchedOn").asString()).isEqualTo(today().minusDays(10).toString());
        assertThat(payload.get("watchEndsOn").asString()).isEqualTo(today().minusDays(10).plusMonths(3).toString());
        assertThat(probe.drain(Duration.ofSeconds(2))).filteredOn(r -> ticket.toString().equals(r.key()))
                .filteredOn(r -> "NewProductFailureReported".equals(EventProbe.eventType(r))).as("reported once")
                .hasSize(1);

        JsonNode item = watched(model);
        assertThat(item).isNotNull();
        assertThat(item.get("failures").asLong()).isEqualTo(1);
        assertThat(item.get("launchSource").asString()).isEqualTo("RECORDED");
        assertThat(api.get("/api/quality/new-products", frontDesk).status()).isEqualTo(403);
    }

    @Test
    @DisplayName("QLT-07 a model launched more than 3 months ago reports nothing and is not listed")
    void QLT07_pastTheWatchNothingReported() {
        String model = uniqueModel();
        launch(model, today().minusMonths(3).minusDays(1));
        UUID ticket = UUID.randomUUID();
        fail(model, ticket, "Does not drain", Instant.now());
        String marker = uniqueModel();
        launch(marker, today());
        UUID markerTicket = UUID.randomUUID();
        fail(marker, markerTicket, "Leaks", Instant.now());
        probe.awaitType("NewProductFailureReported", markerTicket.toString(), Duration.ofSeconds(30));
        assertThat(probe.drain(Duration.ofSeconds(2))).filteredOn(r -> ticket.toString().equals(r.key())).isEmpty();
        assertThat(watched(model)).isNull();
        assertThat(watched(marker)).isNotNull();
    }

    @Test
    @DisplayName("QLT-07 without a recorded launch the model's first shipment is its launch")
    void QLT07_launchFromFirstShipment() {
        String model = uniqueModel();
        installUnits(model, 2, today().minusDays(20));
        JsonNode item = watched(model);
        assertThat(item).isNotNull();
        assertThat(item.get("launchSource").asString()).isEqualTo("FIRST_SHIPMENT");
        assertThat(item.get("launchedOn").asString()).isEqualTo(today().minusDays(20).toString());
        assertThat(item.get("installedUnits").asLong()).isEqualTo(2);
        UUID ticket = UUID.randomUUID();
        fail(model, ticket, "No power", Instant.now());
        probe.awaitType("NewProductFailureReported", ticket.toString(), Duration.ofSeconds(30));
        JsonNode after = watched(model);
        assertThat(after.get("failures").asLong()).isEqualTo(1);
        assertThat(after.get("failuresPer100Units").decimalValue()).isEqualByComparingTo("50.00");
    }

    @Test
    @DisplayName("QLT-07 the survey report of a model: launch, installed base, failures by failure mode in the month and since launch, rate per 100 units, the written findings; CSV too")
    void QLT07_surveyReportWithFigures() {
        String model = uniqueModel();
        YearMonth month = YearMonth.from(today()).minusMonths(2);
        launch(model, month.atDay(1));
        installUnits(model, 4, month.atDay(1));
        fail(model, UUID.randomUUID(), "Does not drain", at(month.atDay(5)));
        fail(model, UUID.randomUUID(), "Does not drain", at(month.atDay(10)));
        fail(model, UUID.randomUUID(), "Noisy spin", at(month.atDay(15)));
        fail(model, UUID.randomUUID(), "Noisy spin", at(month.plusMonths(1).atDay(3)));

        String findings = "/api/quality/new-products/" + model + "/survey-findings";
        Map<String, Object> survey = Map.of("findings", "25 customers asked; 3 report a noisy spin at full load",
                "customersSurveyed", 25);
        assertThat(api.post(findings, survey, technician).status()).isEqualTo(403);
        var submitted = api.post(findings, survey, supervisor, Map.of("Idempotency-Key", "survey-" + model));
        assertThat(submitted.status()).as(String.valueOf(submitted.body())).isEqualTo(201);
        var again = api.post(findings, survey, supervisor, Map.of("Idempotency-Key", "survey-" + model));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("id").asString()).isEqualTo(submitted.body().get("id").asString());
        assertThat(api.post("/api/quality/new-products/" + uniqueModel() + "/survey-findings", survey, supervisor)
                .status()).as("a model without a known launch").isEqualTo(404);

        var generated = api.post("/api/quality/published-reports", Map.of("kind", "NEW_PRODUCT_SURVEY",
                "periodFrom", month.atDay(1).toString(), "periodTo", month.atEndOfMonth().toString()), quality);
        assertThat(generated.status()).as(String.valueOf(generated.body())).isEqualTo(201);
        String id = null;
        for (JsonNode report : generated.body()) {
            if (report.get("subject").asString().equals(model)) {
                id = report.get("id").asString();
            }
        }
        assertThat(id).as("the model's report was kept").isNotNull();
        JsonNode content = api.get("/api/quality/published-reports/" + id, quality).body().get("content");
        assertThat(content.get("launchedOn").asString()).isEqualTo(month.atDay(1).toString());
        assertThat(content.get("watchEndsOn").asString()).isEqualTo(month.atDay(1).plusMonths(3).toString());
        assertThat(content.get("installedUnits").asLong()).isEqualTo(4);
        assertThat(content.get("failuresInPeriod").asLong()).isEqualTo(3);
        assertThat(content.get("failuresSinceLaunch").asLong()).isEqualTo(3);
        assertThat(content.get("failuresPer100Units").decimalValue()).isEqualByComparingTo("75.00");
        JsonNode modes = content.get("failuresByMode");
        assertThat(modes.size()).isEqualTo(2);
        assertThat(modes.get(0).get("failureMode").asString()).isEqualTo("Does not drain");
        assertThat(modes.get(0).get("inPeriod").asLong()).isEqualTo(2);
        assertThat(modes.get(1).get("failureMode").asString()).isEqualTo("Noisy spin");
        assertThat(modes.get(1).get("inPeriod").asLong()).isEqualTo(1);
        assertThat(content.get("findings").get(0).get("customersSurveyed").asInt()).isEqualTo(25);
        assertThat(content.get("findings").get(0).get("submittedBy").asString()).isEqualTo("sup.ma");

        var csv = api.download("/api/quality/published-reports/" + id + ".csv", quality, "*/*");
        assertThat(csv.status()).as(new String(csv.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).contains("Failure mode").contains("Does not drain,2,2,50.00").contains("All failure modes,3,3,75.00");
        probe.awaitType("QualityReportPublished", id, Duration.ofSeconds(30));
    }

    @Test
    @DisplayName("QLT-07 the monthly job keeps last month's survey report of every watched model once, even run by two replicas at once")
    void QLT07_jobKeepsLastMonthOnce() throws Exception {
        String model = uniqueModel();
        YearMonth last = YearMonth.from(today()).minusMonths(1);
        launch(model, last.atDay(1));
        fail(model, UUID.randomUUID(), "Leaks", at(last.atDay(2)));

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return job.publishDue();
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        job.publishDue();
        var kept = api.get("/api/quality/published-reports?kind=NEW_PRODUCT_SURVEY&subject=" + model, quality);
        assertThat(kept.body().get("totalItems").asLong()).isEqualTo(1);
        JsonNode report = kept.body().get("items").get(0);
        assertThat(report.get("periodFrom").asString()).isEqualTo(last.atDay(1).toString());
        assertThat(report.get("generatedBy").asString()).isEqualTo("system:quality-reports");
    }
}
