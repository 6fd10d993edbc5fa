package com.opensvc.aftersales.quality.alert;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.opensvc.aftersales.contracts.EventContracts;
import com.opensvc.aftersales.quality.QualityServiceTest;
import com.opensvc.aftersales.quality.defect.DefectLogged;
import com.opensvc.aftersales.quality.installedbase.InstalledBase;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.EventSender;
import com.opensvc.aftersales.testkit.ProbeTopics;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** QLT-06 trend alerts on the running service: from RepairClosed to QualityAlertRaised, once per crossing. */
@QualityServiceTest
class AlertFlowTest {
    private static final String WORK_ORDERS = "aftersales.dispatch.workorder";
    private static final String TICKETS = "aftersales.intake.ticket";
    private static final String RAISED_TYPE = "com.opensvc.aftersales.QualityAlertRaised.v1";
    private static final EventContracts CONTRACTS = EventContracts.load();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    AlertService alertService;
    @Autowired
    AlertJob job;
    @Autowired
    InstalledBase installedBase;
    private RestApi api;
    @ProbeTopics("aftersales.quality.defect")
    private EventProbe probe;
    private EventSender sender;

    private final String quality = token("qe.sun", "QUALITY");
    private final String manager = token("mgr.wu", "MANAGER");
    private final String technicalDirector = token("td.zhao", "TECHNICAL_DIRECTOR");
    private final String generalManager = token("gm.qian", "GENERAL_MANAGER");
    private final String frontDesk = token("desk.li", "FRONT_DESK");
    private final String technician = token("tech.north", "TECHNICIAN");

    private static String newModel(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * A repair of the model with the failure mode, closed with a cause code at {@code failedAt}; the Kafka key is the
     * model so the failures of one test are handled in the order sent. @return the ticket
     */
    private UUID fail(String model, String failureMode, Instant failedAt) {
        UUID ticketId = UUID.randomUUID();
        sender.send(WORK_ORDERS, model, "RepairClosed", "dispatch-service", """
                {"workOrderId":"%s","ticketId":"%s","technicianId":"tech.north","productModel":"%s",
                 "serialNumber":"SN-%s","entitlement":"FREE_REPAIR","outcome":"FIXED","symptom":"%s",
                 "causeCode":"C-SEAL","actions":"replaced","partsUsed":[],"labourMinutes":60,"firstTimeFix":true,
                 "customerConfirmation":"SIGNED","actor":"tech.north","occurredAt":"%s"}"""
                .formatted(UUID.randomUUID(), ticketId, model, ticketId.toString().substring(0, 6), failureMode,
                        failedAt));
        return ticketId;
    }

    /** Waits until the ticket's defect was recorded: the alert decision was made in the same transaction. */
    private void awaitRecorded(UUID ticketId) {
        probe.awaitType("DefectRecorded", ticketId.toString(), WAIT);
    }

    private JsonNode alertsOf(String model) {
        RestApi.Response response = api.get("/api/quality/alerts?productModel=" + model, quality);
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    private JsonNode awaitAlert(String model, int total) {
        await().atMost(WAIT).until(() -> alertsOf(model).get("totalItems").asLong() == total);
        return alertsOf(model).get("items");
    }

    private List<JsonNode> raisedEventsOf(String model) {
        return probe.drain(Duration.ofSeconds(2)).stream()
                .filter(r -> "QualityAlertRaised".equals(EventProbe.eventType(r)))
                .map(r -> JSON.readTree(r.value()))
                .filter(e -> model.equals(e.get("productModel").asString()))
                .toList();
    }

    private static Instant base() {
        return Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    @DisplayName("QLT-06 N−1, N failures in the 30-day window raise nothing (one just outside does not count); N+1 raises one valid QualityAlertRaised keyed by the alert; N+2 none")
    void QLT06_thresholdInAndOutOfTheWindow() {
        String model = newModel("TA");
        String mode = "door seal leaks";
        Instant t = base();
        fail(model, mode, t.minus(30, ChronoUnit.DAYS).minusSeconds(60));   // just outside the window ending at t
        for (int days : new int[] {29, 20, 10}) {
            fail(model, mode, t.minus(days, ChronoUnit.DAYS));
        }
        awaitRecorded(fail(model, mode, t.minus(5, ChronoUnit.DAYS)));
        // N−1 = 4 in the window (with the one outside, 5 in the window ending 5 days ago: not above 5)
        assertThat(alertsOf(model).get("totalItems").asLong()).isZero();

        awaitRecorded(fail(model, mode, t));
        // N = 5 in (t − 30 days, t]: the one 30 days and a minute before t is out
        assertThat(alertsOf(model).get("totalItems").asLong()).isZero();

        UUID sixth = fail(model, mode, t.plusSeconds(1));
        awaitRecorded(sixth);
        JsonNode alert = awaitAlert(model, 1).get(0);
        String alertId = alert.get("id").asString();
        assertThat(alert.get("state").asString()).isEqualTo("RAISED");
        assertThat(alert.get("basis").asString()).isEqualTo("COUNT");
        assertThat(alert.get("count").asInt()).isEqualTo(6);

        ConsumerRecord<String, String> raised = probe.awaitType("QualityAlertRaised", alertId, WAIT);
        assertThat(raised.key()).isEqualTo(alertId);
        assertThat(EventProbe.header(raised, "ce_type")).isEqualTo(RAISED_TYPE);
        assertThat(CONTRACTS.validate(RAISED_TYPE, raised.value())).isEmpty();
        JsonNode event = JSON.readTree(raised.value());
        assertThat(event.get("productModel").asString()).isEqualTo(model);
        assertThat(event.get("failureMode").asString()).isEqualTo(mode);
        assertThat(event.get("count").asInt()).isEqualTo(6);
        assertThat(event.get("threshold").asInt()).isEqualTo(5);
        assertThat(event.get("windowDays").asInt()).isEqualTo(30);
        assertThat(event.get("basis").asString()).isEqualTo("COUNT");
        assertThat(event.get("defectIds").size()).isEqualTo(6);
        assertThat(Instant.parse(event.get("firstFailureAt").asString())).isEqualTo(t.minus(29, ChronoUnit.DAYS));
        assertThat(Instant.parse(event.get("lastFailureAt").asString())).isEqualTo(t.plusSeconds(1));

        // N+2 while the crossing lasts: the alert counts on, nothing is published again
        awaitRecorded(fail(model, mode, t.plusSeconds(2)));
        JsonNode details = api.get("/api/quality/alerts/" + alertId, quality).body();
        assertThat(details.get("count").asInt()).isEqualTo(7);
        assertThat(details.get("defectIds").size()).isEqualTo(7);
        assertThat(raisedEventsOf(model)).hasSize(1);
        // another failure mode of the model is another key
        awaitRecorded(fail(model, "no spin", t));
        assertThat(alertsOf(model).get("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    @DisplayName("QLT-06 a failure just inside the window counts: N+1 with the oldest one minute inside")
    void QLT06_justInsideTheWindowCounts() {
        String model = newModel("TI");
        Instant t = base();
        fail(model, "leaks", t.minus(30, ChronoUnit.DAYS).plusSeconds(60));
        for (int days : new int[] {29, 20, 10, 5}) {
            fail(model, "leaks", t.minus(days, ChronoUnit.DAYS));
        }
        awaitRecorded(fail(model, "leaks", t));
        JsonNode alert = awaitAlert(model, 1).get(0);
        assertThat(alert.get("count").asInt()).isEqualTo(6);
    }

    @Test
    @DisplayName("QLT-06 once per crossing: the clearing job re-arms a key whose failures fell back, and so does a new failure; the next crossing is a second alert")
    void QLT06_oncePerCrossing() {
        String model = newModel("TC");
        String mode = "no heating";
        assertThat(api.put("/api/quality/alert-rules/" + model,
                Map.of("window", "P10D", "countThreshold", 2), quality, Map.of()).status()).isEqualTo(200);
        Instant t0 = Instant.now().minus(90, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        for (int hour = 0; hour < 2; hour++) {
            fail(model, mode, t0.plus(hour, ChronoUnit.HOURS));
        }
        awaitRecorded(fail(model, mode, t0.plus(2, ChronoUnit.HOURS)));
        String first = awaitAlert(model, 1).get(0).get("id").asString();
        assertThat(api.get("/api/quality/alerts/" + first, quality).body().get("windowDays").asInt()).isEqualTo(10);

        // still above the threshold in the window ending an hour later: the crossing lasts
        job.clearEnded(t0.plus(3, ChronoUnit.HOURS));
        assertThat(api.get("/api/quality/alerts/" + first, quality).body().get("state").asString()).isEqualTo("RAISED");
        // ten days after the last failure nothing is in the window: cleared, the key is re-armed
        job.clearEnded(t0.plus(2, ChronoUnit.HOURS).plus(10, ChronoUnit.DAYS));
        JsonNode cleared = api.get("/api/quality/alerts/" + first, quality).body();
        assertThat(cleared.get("state").asString()).isEqualTo("CLEARED");
        assertThat(cleared.get("clearedAt").isNull()).isFalse();

        // the second crossing
        Instant t1 = t0.plus(20, ChronoUnit.DAYS);
        for (int hour = 0; hour < 3; hour++) {
            fail(model, mode, t1.plus(hour, ChronoUnit.HOURS));
        }
        awaitRecorded(fail(model, mode, t1.plus(3, ChronoUnit.HOURS)));
        JsonNode alerts = awaitAlert(model, 2);
        String second = alerts.get(0).get("id").asString();
        assertThat(second).isNotEqualTo(first);
        assertThat(alerts.get(0).get("count").asInt()).isEqualTo(4);

        // a failure long after: the window holds only it, the second crossing ends on it; the next ones cross again
        Instant t2 = t1.plus(30, ChronoUnit.DAYS);
        awaitRecorded(fail(model, mode, t2));
        assertThat(api.get("/api/quality/alerts/" + second, quality).body().get("state").asString())
                .isEqualTo("CLEARED");
        assertThat(alertsOf(model).get("totalItems").asLong()).isEqualTo(2);
        fail(model, mode, t2.plusSeconds(1));
        awaitRecorded(fail(model, mode, t2.plusSeconds(2)));
        awaitAlert(model, 3);
        assertThat(alertsOf(model + "&state=RAISED").get("totalItems").asLong()).isEqualTo(1);

        await().atMost(WAIT).until(() -> raisedEventsOf(model).size() == 3);
        // each raised at its third failure in the window (the threshold is 2)
        assertThat(raisedEventsOf(model)).extracting(e -> e.get("count").asInt()).containsExactly(3, 3, 3);
    }

    @Test
    @DisplayName("QLT-06 rate basis: failures over the model's rule share of an installed base counted from intake's events")
    void QLT06_rateOverTheInstalledBase() {
        String model = newModel("TR");
        for (int i = 0; i < 50; i++) {
            UUID unit = UUID.randomUUID();
            sender.send(TICKETS, unit.toString(), "InstalledProductRecorded", "intake-service", """
                    {"installedProductId":"%s","version":1,"customerId":"%s","productModel":"%s","serialNumber":"S-%04d",
                     "factoryDate":"2026-05-01","shipDate":"2026-05-04","productionRecord":null,"actor":"desk",
                     "occurredAt":"2026-11-01T00:00:00Z"}""".formatted(unit, UUID.randomUUID(), model, i));
        }
        await().atMost(WAIT).until(() -> installedBase.count(model) == 50);
        assertThat(api.put("/api/quality/alert-rules/" + model,
                Map.of("window", "P30D", "countThreshold", 10, "rateThreshold", 0.05), quality, Map.of()).status())
                .isEqualTo(200);

        Instant t = base();
        fail(model, "noise", t.minus(2, ChronoUnit.DAYS));
        awaitRecorded(fail(model, "noise", t.minus(1, ChronoUnit.DAYS)));
        // 2 of 50 = 0.04: not above 0.05
        assertThat(alertsOf(model).get("totalItems").asLong()).isZero();
        awaitRecorded(fail(model, "noise", t));
        JsonNode alert = awaitAlert(model, 1).get(0);
        assertThat(alert.get("basis").asString()).isEqualTo("RATE");
        ConsumerRecord<String, String> raised = probe.awaitType("QualityAlertRaised", alert.get("id").asString(), WAIT);
        assertThat(CONTRACTS.validate(RAISED_TYPE, raised.value())).isEmpty();
        JsonNode event = JSON.readTree(raised.value());
        assertThat(event.get("basis").asString()).isEqualTo("RATE");
        assertThat(event.get("installedBase").asLong()).isEqualTo(50);
        assertThat(event.get("rate").decimalValue()).isEqualByComparingTo("0.06");
        assertThat(event.get("rateThreshold").decimalValue()).isEqualByComparingTo("0.05");
        assertThat(event.get("count").asInt()).isEqualTo(3);
    }

    @Test
    @DisplayName("QLT-06 concurrent failures of one key raise one alert; two replicas clearing at once clear it once")
    void QLT06_concurrentFailuresRaiseOneAlert() throws Exception {
        String model = newModel("TX");
        Instant t = base();
        for (int i = 0; i < 5; i++) {
            alertService.failureLogged(logged(model, t.minusSeconds(100 + i)));
        }
        assertThat(alertsOf(model).get("totalItems").asLong()).isZero();

        runTwice(() -> alertService.failureLogged(logged(model, t.minusSeconds(1))),
                () -> alertService.failureLogged(logged(model, t)));
        JsonNode alerts = alertsOf(model);
        assertThat(alerts.get("totalItems").asLong()).isEqualTo(1);
        assertThat(alerts.get("items").get(0).get("count").asInt()).isEqualTo(7);
        await().atMost(WAIT).until(() -> !raisedEventsOf(model).isEmpty());
        assertThat(raisedEventsOf(model)).hasSize(1);

        Instant later = t.plus(31, ChronoUnit.DAYS);
        runTwice(() -> job.clearEnded(later), () -> job.clearEnded(later));
        assertThat(alertsOf(model).get("items").get(0).get("state").asString()).isEqualTo("CLEARED");
    }

    private static DefectLogged logged(String model, Instant failedAt) {
        return new DefectLogged(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "REPAIR_CLOSED", model, "S-1",
                null, null, "leaks", "C-SEAL", null, null, failedAt, failedAt);
    }

    private static void runTwice(Runnable one, Runnable other) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (Runnable run : List.of(one, other)) {
                runs.add(pool.submit(() -> {
                    start.await();
                    run.run();
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();   // an exception in either fails the test
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("QLT-06 QLT-05 SEC-01 readers see alerts, only quality acknowledges (once) and opens the alert's improvement report (once)")
    void QLT06_acknowledgeAndImprovementReport() {
        String model = newModel("TP");
        Instant t = base();
        for (int i = 0; i < 5; i++) {
            fail(model, "rust", t.minus(i + 1, ChronoUnit.DAYS));
        }
        awaitRecorded(fail(model, "rust", t));
        String id = awaitAlert(model, 1).get(0).get("id").asString();
        String path = "/api/quality/alerts/" + id;

        for (String reader : List.of(manager, technicalDirector, generalManager, token("sd.chen", "SERVICE_DIRECTOR"))) {
            assertThat(api.get(path, reader).status()).isEqualTo(200);
            assertThat(api.get("/api/quality/alerts?state=RAISED", reader).status()).isEqualTo(200);
        }
        assertThat(api.get(path, frontDesk).status()).isEqualTo(403);
        assertThat(api.get("/api/quality/alerts", technician).status()).isEqualTo(403);
        assertThat(api.get("/api/quality/alerts/" + UUID.randomUUID(), quality).status()).isEqualTo(404);

        assertThat(api.post(path + "/acknowledge", Map.of(), manager).status()).isEqualTo(403);
        RestApi.Response acknowledged = api.post(path + "/acknowledge", Map.of(), quality);
        assertThat(acknowledged.status()).isEqualTo(200);
        assertThat(acknowledged.body().get("state").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.body().get("acknowledgedBy").asString()).isEqualTo("qe.sun");
        assertThat(api.post(path + "/acknowledge", Map.of(), quality).status()).isEqualTo(409);
        // acknowledged, the crossing lasts: another failure raises nothing new
        awaitRecorded(fail(model, "rust", t.plusSeconds(1)));
        assertThat(alertsOf(model).get("totalItems").asLong()).isEqualTo(1);

        assertThat(api.post(path + "/improvement-report", Map.of(), manager).status()).isEqualTo(403);
        RestApi.Response opened = api.post(path + "/improvement-report", Map.of(), quality);
        assertThat(opened.status()).isEqualTo(201);
        String reportId = opened.body().get("improvementReportId").asString();
        assertThat(opened.header("Location")).isEqualTo("/api/quality/improvement-reports/" + reportId);
        RestApi.Response again = api.post(path + "/improvement-report", Map.of(), quality);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("improvementReportId").asString()).isEqualTo(reportId);

        JsonNode report = api.get("/api/quality/improvement-reports/" + reportId, quality).body();
        JsonNode body = report.has("report") ? report.get("report") : report;
        assertThat(body.get("alertId").asString()).isEqualTo(id);
        assertThat(body.get("productModel").asString()).isEqualTo(model);
        assertThat(body.get("affectedQuantity").asInt()).isEqualTo(7);
        assertThat(body.get("state").asString()).isEqualTo("OPEN");
        assertThat(api.get(path, quality).body().get("improvementReportId").asString()).isEqualTo(reportId);
    }
}
