package com.opensvc.aftersales.quality.campaign;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.opensvc.aftersales.contracts.EventContracts;
import com.opensvc.aftersales.quality.QualityServiceTest;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.EventSender;
import com.opensvc.aftersales.testkit.ProbeTopics;
import com.opensvc.aftersales.testkit.RestApi;
import com.opensvc.aftersales.testkit.SharedInfrastructure;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** QLT-08, INT-17: defect campaigns on the running service, from the launch to intake's outreach and the close. */
@QualityServiceTest
class CampaignFlowTest {
    private static final String TICKETS = "aftersales.intake.ticket";
    private static final String BASE = "/api/quality/campaigns";
    private static final EventContracts CONTRACTS = EventContracts.load();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LAUNCHED_TYPE = "com.opensvc.aftersales.DefectCampaignLaunched.v1";

    @Autowired
    JdbcClient jdbc;
    private RestApi api;
    @ProbeTopics("aftersales.quality.defect")
    private EventProbe probe;
    private EventSender sender;

    private final String quality = token("qe.sun", "QUALITY");
    private final String manager = token("mgr.wu", "MANAGER");
    private final String frontDesk = token("desk.li", "FRONT_DESK");
    private final String supervisor = token("sup.ma", "SUPERVISOR");
    private final String technician = token("tech.north", "TECHNICIAN");

    @BeforeAll
    static void consumedTopics() throws Exception {
        SharedInfrastructure.get().createTopics(TICKETS);
    }

    /** A launch as the end-to-end test would send it: a serial range and a factory-date range, one report. */
    static Map<String, Object> launch(String model, UUID improvementReportId) {
        Map<String, Object> body = new HashMap<>(Map.of("productModel", model,
                "serialFrom", "AC32-2509-000000", "serialTo", "AC32-2510-999999",
                "factoryDateFrom", "2025-09-01", "factoryDateTo", "2025-10-31",
                "description", "Capacitor C12 of the outdoor unit may overheat",
                "actionToTake", "Replace capacitor C12 on site"));
        if (improvementReportId != null) {
            body.put("improvementReportId", improvementReportId.toString());
        }
        return body;
    }

    private static String model() {
        return "AC-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private UUID openImprovementReport(String model) {
        var opened = api.post("/api/quality/improvement-reports", Map.of("problem", "Capacitor C12 overheats",
                "productModel", model, "affectedQuantity", 40), quality);
        assertThat(opened.status()).as(String.valueOf(opened.body())).isEqualTo(201);
        return UUID.fromString(opened.body().get("id").asString());
    }

    private static String outreachTicketsOpened(String campaignId, int ticketCount) {
        ObjectNode opened = (ObjectNode) JSON.readTree(
                CONTRACTS.examples("com.opensvc.aftersales.OutreachTicketsOpened.v1").get(0));
        opened.put("campaignId", campaignId);
        opened.put("ticketCount", ticketCount);
        return opened.toString();
    }

    private void sendOutreach(String campaignId, int ticketCount) {
        sender.send(TICKETS, campaignId, "OutreachTicketsOpened", "intake-service",
                outreachTicketsOpened(campaignId, ticketCount));
    }

    private JsonNode campaign(String id) {
        var response = api.get(BASE + "/" + id, quality);
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(200);
        return response.body();
    }

    private JsonNode awaitCampaign(String id, Predicate<JsonNode> until) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode campaign = campaign(id);
        while (!until.test(campaign) && System.nanoTime() < deadline) {
            sleep();
            campaign = campaign(id);
        }
        assertThat(until.test(campaign)).as("campaign %s: %s", id, campaign).isTrue();
        return campaign;
    }

    private JsonNode list(String query, String token) {
        var response = api.get(BASE + "?" + query, token);
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(200);
        return response.body();
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertConflict(RestApi.Response response, String currentState) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(409);
        assertThat(response.body().get("currentState").asString()).isEqualTo(currentState);
    }

    @Test
    @DisplayName("QLT-08 INT-17 quality launches a campaign (DefectCampaignLaunched, valid, with its ranges, keyed by the campaign); intake's OutreachTicketsOpened records the tickets; quality closes it; other roles refused")
    void QLT08_launchOutreachClose() {
        String model = model();
        UUID report = openImprovementReport(model);
        for (String wrong : List.of(manager, frontDesk, supervisor, technician)) {
            assertThat(api.post(BASE, launch(model, report), wrong).status()).isEqualTo(403);
        }
        var launched = api.post(BASE, launch(model, report), quality);
        assertThat(launched.status()).as(String.valueOf(launched.body())).isEqualTo(201);
        String id = launched.body().get("id").asString();
        assertThat(launched.header("Location")).isEqualTo(BASE + "/" + id);
        assertThat(launched.body().get("number").asString()).matches("QC-\\d{4}-\\d{3,}");
        assertThat(launched.body().get("state").asString()).isEqualTo("LAUNCHED");
        assertThat(launched.body().get("contactWithinHours").asInt()).as("INT-17 default").isEqualTo(24);
        assertThat(launched.body().get("overdue").asBoolean()).isFalse();
        assertThat(launched.body().get("launchedBy").asString()).isEqualTo("qe.sun");

        ConsumerRecord<String, String> event = probe.awaitType("DefectCampaignLaunched", id, Duration.ofSeconds(30));
        assertThat(CONTRACTS.validate(LAUNCHED_TYPE, event.value())).isEmpty();
        JsonNode payload = JSON.readTree(event.value());
        assertThat(payload.get("campaignId").asString()).isEqualTo(id);
        assertThat(payload.get("campaignNumber").asString()).isEqualTo(launched.body().get("number").asString());
        assertThat(payload.get("productModel").asString()).isEqualTo(model);
        assertThat(payload.get("serialFrom").asString()).isEqualTo("AC32-2509-000000");
        assertThat(payload.get("serialTo").asString()).isEqualTo("AC32-2510-999999");
        assertThat(payload.get("factoryDateFrom").asString()).isEqualTo("2025-09-01");
        assertThat(payload.get("factoryDateTo").asString()).isEqualTo("2025-10-31");
        assertThat(payload.get("actionToTake").asString()).isEqualTo("Replace capacitor C12 on site");
        assertThat(payload.get("contactWithinHours").asInt()).isEqualTo(24);
        assertThat(payload.get("improvementReportId").asString()).isEqualTo(report.toString());
        assertThat(payload.get("actor").asString()).isEqualTo("qe.sun");

        // no outreach yet: nothing to close
        assertConflict(api.post(BASE + "/" + id + "/close", Map.of("summary", "done"), quality), "LAUNCHED");

        sendOutreach(id, 3);
        JsonNode opened = awaitCampaign(id, c -> "OUTREACH_OPENED".equals(c.get("state").asString()));
        assertThat(opened.get("ticketCount").asInt()).isEqualTo(3);
        assertThat(opened.get("contactDueAt").asString()).isEqualTo("2026-03-06T09:00:00Z");
        assertThat(opened.get("outreachOpenedAt").asString()).isEqualTo("2026-03-05T09:00:41Z");

        // the desk knows the campaign to answer callers
        JsonNode desk = list("productModel=" + model, frontDesk);
        assertThat(desk.get("totalItems").asLong()).isEqualTo(1);
        assertThat(desk.get("items").get(0).get("id").asString()).isEqualTo(id);
        assertThat(api.get(BASE + "/" + id, frontDesk).status()).isEqualTo(200);
        assertThat(api.get(BASE + "/" + id, technician).status()).isEqualTo(403);

        for (String wrong : List.of(manager, frontDesk, supervisor)) {
            assertThat(api.post(BASE + "/" + id + "/close", Map.of("summary", "done"), wrong).status()).isEqualTo(403);
        }
        var closed = api.post(BASE + "/" + id + "/close", Map.of("summary", "All 3 customers reached"), quality);
        assertThat(closed.status()).as(String.valueOf(closed.body())).isEqualTo(200);
        assertThat(closed.body().get("state").asString()).isEqualTo("CLOSED");
        assertThat(closed.body().get("summary").asString()).isEqualTo("All 3 customers reached");
        assertThat(closed.body().get("closedBy").asString()).isEqualTo("qe.sun");
        assertConflict(api.post(BASE + "/" + id + "/close", Map.of("summary", "again"), quality), "CLOSED");
        assertThat(api.get(BASE + "/" + UUID.randomUUID(), quality).status()).isEqualTo(404);
    }

    @Test
    @DisplayName("QLT-08 the same launch sent twice at once with one Idempotency-Key → one campaign, one DefectCampaignLaunched; concurrent launches get distinct numbers")
    void QLT08_idempotentAndConcurrentLaunches() throws Exception {
        String model = model();
        String key = "qc-" + UUID.randomUUID();
        List<RestApi.Response> twice = concurrently(2, i -> api.post(BASE, launch(model, null), quality,
                Map.of("Idempotency-Key", key)));
        assertThat(twice).extracting(RestApi.Response::status).containsExactlyInAnyOrder(201, 200);
        String id = twice.get(0).body().get("id").asString();
        assertThat(twice.get(1).body().get("id").asString()).isEqualTo(id);
        assertThat(list("productModel=" + model, quality).get("totalItems").asLong()).isEqualTo(1);
        probe.awaitType("DefectCampaignLaunched", id, Duration.ofSeconds(30));
        assertThat(probe.drain(Duration.ofSeconds(2))).filteredOn(r -> id.equals(r.key())).as("launched once")
                .hasSize(1);

        String other = model();
        List<RestApi.Response> four = concurrently(4, i -> api.post(BASE, launch(other, null), quality));
        assertThat(four).extracting(RestApi.Response::status).containsOnly(201);
        assertThat(four).extracting(r -> r.body().get("number").asString()).doesNotHaveDuplicates();
        assertThat(list("productModel=" + other, quality).get("totalItems").asLong()).isEqualTo(4);
    }

    @Test
    @DisplayName("QLT-08 a launch naming an improvement report that does not exist → 400 naming improvementReportId; nothing launched")
    void QLT08_unknownImprovementReport() {
        String model = model();
        var refused = api.post(BASE, launch(model, UUID.randomUUID()), quality);
        assertThat(refused.status()).as(String.valueOf(refused.body())).isEqualTo(400);
        assertThat(refused.body().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactly("improvementReportId");
        var noRange = api.post(BASE, Map.of("productModel", model, "description", "x"), quality);
        assertThat(noRange.status()).isEqualTo(400);
        assertThat(list("productModel=" + model, quality).get("totalItems").asLong()).isZero();
    }

    @Test
    @DisplayName("QLT-08 INT-17 a campaign with no OutreachTicketsOpened within its contact window is listed as overdue until the outreach arrives")
    void QLT08_overdueWithoutOutreach() {
        String model = model();
        Map<String, Object> body = new HashMap<>(launch(model, null));
        body.put("contactWithinHours", 1);
        var launched = api.post(BASE, body, quality);
        assertThat(launched.status()).as(String.valueOf(launched.body())).isEqualTo(201);
        String id = launched.body().get("id").asString();
        assertThat(launched.body().get("outreachDueBy").asString()).isNotNull();
        assertThat(list("overdue=true&productModel=" + model, quality).get("totalItems").asLong())
                .as("within the window").isZero();

        // the window has passed (the service's clock is the real one: move the deadline instead)
        jdbc.sql("UPDATE campaign SET outreach_due_by = now() - interval '1 minute' WHERE id = :id")
                .param("id", UUID.fromString(id)).update();
        JsonNode overdue = list("overdue=true&productModel=" + model, supervisor);
        assertThat(overdue.get("totalItems").asLong()).isEqualTo(1);
        assertThat(overdue.get("items").get(0).get("id").asString()).isEqualTo(id);
        assertThat(overdue.get("items").get(0).get("overdue").asBoolean()).isTrue();
        assertThat(list("state=LAUNCHED&overdue=true&productModel=" + model, quality).get("totalItems").asLong())
                .isEqualTo(1);
        assertThat(list("overdue=false&productModel=" + model, quality).get("totalItems").asLong()).isZero();
        assertThat(campaign(id).get("overdue").asBoolean()).isTrue();

        sendOutreach(id, 0);
        awaitCampaign(id, c -> "OUTREACH_OPENED".equals(c.get("state").asString()));
        assertThat(list("overdue=true&productModel=" + model, quality).get("totalItems").asLong())
                .as("outreach arrived, late").isZero();
        assertThat(campaign(id).get("ticketCount").asInt()).isZero();
    }

    private static <T> List<T> concurrently(int n, java.util.function.IntFunction<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<T> task = () -> {
                    start.await();
                    return call.apply(index);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
