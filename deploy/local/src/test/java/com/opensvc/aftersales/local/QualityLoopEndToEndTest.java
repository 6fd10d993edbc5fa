package com.opensvc.aftersales.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.opensvc.aftersales.contracts.EventContracts;
import com.opensvc.aftersales.testkit.EmbeddedPlatform;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.ProbeTopics;

import tools.jackson.databind.JsonNode;

/**
 * Quality closes the loop from field failures back to the customers (QLT-06 → QLT-05 → QLT-08 → INT-17): repairs of one
 * model and failure mode cross the trend threshold, the alert opens an improvement report, the report's defect becomes
 * a campaign, and intake opens an outreach ticket for every affected installed product — driven only through the
 * gateway, by the roles that do each step.
 */
@EmbeddedPlatform(services = {"intake", "dispatch", "parts", "quality", "revisit"})
@ProbeTopics({"aftersales.quality.defect", "aftersales.intake.ticket"})
@ExtendWith(RunningPlatform.class)
class QualityLoopEndToEndTest {
    private static final Duration HOP = Duration.ofSeconds(90);
    private static final String FAILURE = "drain pump hums, no drain";
    private static PlatformClient client;
    private static EventProbe events;

    @BeforeAll
    static void connect(PlatformClient platform, EventProbe probe) {
        client = platform;
        events = probe;
    }

    @Test
    @DisplayName("QLT-06 QLT-05 QLT-08 INT-17 repairs cross the trend threshold → alert → improvement report → campaign → outreach for every affected product")
    void QLT06_QLT08_failuresToOutreach() throws Exception {
        String model = "QL-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String desk = client.token("front-desk");
        String quality = client.token("quality");
        String supervisor = client.token("supervisor");

        // the rule for this model: more than 2 failures of one mode in 30 days raise an alert
        var rule = client.put("/api/quality/alert-rules/" + model, Map.of("window", "P30D", "countThreshold", 2),
                quality);
        assertThat(rule.status()).as(rule.body().toString()).isIn(200, 201);

        // three customers' units of the model fail the same way; two more units are installed and one lies outside
        // the campaign's serial range
        List<String> tickets = new ArrayList<>();
        String customerId = null;
        for (int i = 1; i <= 3; i++) {
            var registered = client.post("/api/intake/tickets", ticket(model, serial(model, i)), desk);
            assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
            String ticketId = registered.body().get("id").asString();
            customerId = registered.body().get("customerId").asString();
            assertThat(client.post("/api/intake/tickets/" + ticketId + "/accept", null, desk).status()).isEqualTo(200);
            tickets.add(ticketId);
        }
        for (int i = 4; i <= 5; i++) {
            installUnit(customerId, model, serial(model, i), desk);
        }
        installUnit(customerId, model, model + "-9999", desk);

        // each repair is closed by its technician with the same symptom and cause
        for (String ticketId : tickets) {
            repair(ticketId, supervisor);
        }

        // QLT-06: the third failure exceeds the threshold → one alert, once
        JsonNode alert = await().atMost(HOP).until(
                () -> client.get("/api/quality/alerts?productModel=" + model, quality).body().get("items"),
                items -> items.size() == 1).get(0);
        assertThat(alert.get("failureMode").asString()).isEqualTo(FAILURE);
        assertThat(alert.get("count").asInt()).isEqualTo(3);
        String alertId = alert.get("id").asString();
        ConsumerRecord<String, String> raised = events.awaitType("QualityAlertRaised", alertId, HOP);

        // QLT-05: the alert opens an improvement report (the same one if asked again)
        assertThat(client.post("/api/quality/alerts/" + alertId + "/improvement-report", null, desk).status())
                .isEqualTo(403);
        var opened = client.post("/api/quality/alerts/" + alertId + "/improvement-report", null, quality);
        assertThat(opened.status()).as(opened.body().toString()).isIn(200, 201);
        String reportId = reportId(opened.body());
        assertThat(reportId(client.post("/api/quality/alerts/" + alertId + "/improvement-report", null, quality).body()))
                .isEqualTo(reportId);
        // the supervisor adds a photo of the seized pump to the report's problem, through the gateway
        var photo = client.postBytes("/api/quality/improvement-reports/" + reportId + "/attachments",
                multipart("pump.png", PNG), "multipart/form-data; boundary=" + BOUNDARY, supervisor);
        assertThat(photo.status()).as(photo.body().toString()).isEqualTo(201);
        assertThat(photo.body().get("contentType").asString()).isEqualTo("image/png");

        // QLT-08: quality launches a campaign for the model's serial range 0001–0005
        Map<String, Object> campaign = new LinkedHashMap<>();
        campaign.put("productModel", model);
        campaign.put("serialFrom", serial(model, 1));
        campaign.put("serialTo", serial(model, 5));
        campaign.put("description", "Drain pump of the first series may seize");
        campaign.put("actionToTake", "Replace the drain pump on site");
        campaign.put("improvementReportId", reportId);
        assertThat(client.post("/api/quality/campaigns", campaign, supervisor).status()).isEqualTo(403);
        var launched = client.post("/api/quality/campaigns", campaign, quality);
        assertThat(launched.status()).as(launched.body().toString()).isEqualTo(201);
        String campaignId = launched.body().get("id").asString();
        ConsumerRecord<String, String> launch = events.awaitType("DefectCampaignLaunched", campaignId, HOP);

        // INT-17: intake opens an outreach ticket for each of the five affected units, due within 24 hours
        JsonNode outreach = await().atMost(HOP).until(
                () -> client.get("/api/intake/outreach?campaignId=" + campaignId + "&size=50", desk).body(),
                page -> page.get("totalItems").asInt() == 5);
        List<String> serials = new ArrayList<>();
        outreach.get("items").forEach(t -> serials.add(t.get("serialNumber").asString()));
        assertThat(serials).containsExactlyInAnyOrder(serial(model, 1), serial(model, 2), serial(model, 3),
                serial(model, 4), serial(model, 5));
        // quality sees intake's answer on its campaign, and its own copy of the installed base agrees
        JsonNode answered = await().atMost(HOP).until(
                () -> client.get("/api/quality/campaigns/" + campaignId, quality).body(),
                c -> c.path("ticketCount").asInt(-1) == 5);
        assertThat(answered.get("state").asString()).isEqualTo("OUTREACH_OPENED");
        assertThat(answered.get("affectedUnits").asLong()).isEqualTo(5);

        EventContracts contracts = EventContracts.load();
        for (ConsumerRecord<String, String> record : List.of(raised, launch)) {
            assertThat(contracts.validate(EventProbe.header(record, "ce_type"), record.value()))
                    .as(EventProbe.eventType(record)).isEmpty();
        }
    }

    private static final String BOUNDARY = "----quality-loop";
    private static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==");

    private static byte[] multipart(String fileName, byte[] content) {
        java.io.ByteArrayOutputStream form = new java.io.ByteArrayOutputStream();
        form.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        form.writeBytes(content);
        form.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return form.toByteArray();
    }

    private static String reportId(JsonNode body) {
        JsonNode report = body.has("report") ? body.get("report") : body;
        return report.has("id") ? report.get("id").asString() : body.get("improvementReportId").asString();
    }

    private static String serial(String model, int i) {
        return model + "-%04d".formatted(i);
    }

    private static void installUnit(String customerId, String model, String serial, String desk) throws Exception {
        var created = client.post("/api/intake/installed-products", Map.of("customerId", customerId,
                "productModel", model, "productLine", "LAUNDRY", "serialNumber", serial,
                "shipDate", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(20).toString()), desk);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    }

    private static void repair(String ticketId, String supervisor) throws Exception {
        JsonNode proposed = await().atMost(HOP).until(() -> {
            JsonNode list = client.get("/api/dispatch/work-orders?ticketId=" + ticketId, supervisor).body().get("items");
            return list.size() == 1 && list.get(0).get("state").asString().equals("NEW") ? list.get(0) : null;
        }, w -> w != null);
        Map<String, Object> review = proposed.hasNonNull("proposedTechnician") ? Map.of()
                : Map.of("technicianId", "tech.north", "overrideCapacity", true,
                        "overrideReason", "the day's capacity went to other tests in this JVM");
        var confirmed = client.post("/api/dispatch/work-orders/" + proposed.get("id").asString() + "/assignment",
                review, supervisor);
        assertThat(confirmed.status()).as(confirmed.body().toString()).isEqualTo(200);
        JsonNode workOrder = await().atMost(HOP).until(() -> {
            JsonNode list = client.get("/api/dispatch/work-orders?ticketId=" + ticketId, supervisor).body().get("items");
            return list.size() == 1 && list.get(0).get("state").asString().equals("READY") ? list.get(0) : null;
        }, w -> w != null);
        Map<String, Object> visit = Map.of("outcome", "FIXED", "symptom", FAILURE, "causeCode", "C-PUMP-SEIZED",
                "actions", "replaced drain pump", "labourMinutes", 40, "customerConfirmation", "SIGNED",
                "partsUsed", List.of());
        var fixed = client.post("/api/dispatch/work-orders/" + workOrder.get("id").asString() + "/visits", visit,
                client.token(workOrder.get("technician").asString()));
        assertThat(fixed.status()).as(fixed.body().toString()).isEqualTo(200);
    }

    private static Map<String, Object> ticket(String model, String serial) {
        return Map.of(
                "customer", Map.of("name", "Li Na " + serial, "phone", "+86 735 " + (2000000 + serial.hashCode() % 999999),
                        "region", "NORTH"),
                "productModel", model, "productLine", "LAUNDRY", "serialNumber", serial,
                "shipDate", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(30).toString(),
                "faultDescription", "Water stays in the drum", "channel", "PHONE", "serviceType", "ON_SITE");
    }
}
