package com.opensvc.aftersales.dispatch.installation;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.opensvc.aftersales.contracts.EventContracts;
import com.opensvc.aftersales.dispatch.DispatchServiceTest;
import com.opensvc.aftersales.dispatch.TestTechnicians;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.EventSender;
import com.opensvc.aftersales.testkit.ProbeTopics;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;

@DispatchServiceTest
class InstallationProjectFlowTest {
    private static final String TICKETS = "aftersales.intake.ticket";
    private static final String WORK_ORDERS = "aftersales.dispatch.workorder";
    private static final String BASE = "/api/dispatch/installation-projects";
    private static final EventContracts CONTRACTS = EventContracts.load();
    /** A 1×1 PNG: what a signature pad sends, base64. */
    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    private RestApi api;
    @ProbeTopics(WORK_ORDERS)
    private EventProbe probe;
    private EventSender sender;
    private final String supervisor = token("sup.zhao", "SUPERVISOR");
    private final String sales = token("cm.wang", "CUSTOMER_MANAGER");
    private final String techNorth = token("tech.north", "TECHNICIAN");
    private final String techSouth = token("tech.south", "TECHNICIAN");

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void technicians() {
        TestTechnicians.ensure(jdbc);
    }

    private static Map<String, Object> notice(LocalDate start) {
        Map<String, Object> notice = new HashMap<>();
        notice.put("customerName", "郴州电力公司");
        notice.put("site", "郴州市北湖区 12 号");
        notice.put("productModel", "AC-3200");
        notice.put("quantity", 4);
        notice.put("plannedStart", start.toString());
        notice.put("salesContact", "cm.wang");
        notice.put("notes", "rooftop units");
        return notice;
    }

    /** "Today" in the company's zone ({@code aftersales.dispatch.zone}), where the notice is counted. */
    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    /** An INSTALLATION work order assigned to tech.north (READY). */
    private JsonNode installationWorkOrder() {
        UUID ticketId = UUID.randomUUID();
        sender.send(TICKETS, ticketId.toString(), "TicketAccepted", "intake-service", """
                {"ticketId":"%s","ticketNumber":"T-2026-%06d","serviceType":"INSTALLATION","entitlement":"PAID",
                 "customerRegion":"NORTH","productLine":"AIR_CONDITIONER","productModel":"AC-3200","serialNumber":"SN-INST-1",
                 "expectedParts":[],"priority":"NORMAL","qualityMustReport":false,"actor":"desk.li",
                 "occurredAt":"2026-11-23T01:00:00Z"}
                """.formatted(ticketId, Math.abs(ticketId.hashCode() % 1_000_000)));
        probe.awaitType("WorkOrderCreated", ticketId.toString(), Duration.ofSeconds(30));
        String id = api.get("/api/dispatch/work-orders?ticketId=" + ticketId, supervisor).body().get("items").get(0)
                .get("id").asString();
        var assigned = api.post("/api/dispatch/work-orders/" + id + "/assignment", Map.of("technicianId", "tech.north"),
                supervisor);
        assertThat(assigned.status()).as(assigned.body().toString()).isEqualTo(200);
        return assigned.body();
    }

    @Test
    @DisplayName("DSP-11 sales notifies at least 7 days ahead; a shorter notice is refused naming plannedStart unless a supervisor records the exception")
    void DSP11_noticeAtLeastSevenDaysAhead() {
        var late = api.post(BASE, notice(today().plusDays(3)), sales);
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.body().get("errors").get(0).get("field").asString()).isEqualTo("plannedStart");

        Map<String, Object> withReason = notice(today().plusDays(3));
        withReason.put("lateNoticeReason", "customer moved the date forward");
        assertThat(api.post(BASE, withReason, sales).status()).as("only a supervisor accepts a late notice")
                .isEqualTo(403);
        var accepted = api.post(BASE, withReason, supervisor);
        assertThat(accepted.status()).isEqualTo(201);
        assertThat(accepted.body().get("lateNotice").get("acceptedBy").asString()).isEqualTo("sup.zhao");
        assertThat(accepted.body().get("noticeDays").asInt()).isEqualTo(3);

        assertThat(api.post(BASE, notice(today().plusDays(7)), token("desk.li", "FRONT_DESK")).status())
                .as("SEC-01 the front desk does not notify installations").isEqualTo(403);
        var onTime = api.post(BASE, notice(today().plusDays(7)), sales, Map.of("Idempotency-Key", "inst-" + UUID.randomUUID()));
        assertThat(onTime.status()).isEqualTo(201);
        JsonNode project = onTime.body();
        assertThat(project.get("state").asString()).isEqualTo("PLANNED");
        assertThat(project.get("lateNotice").isNull()).isTrue();
        assertThat(project.get("entryReview").get("passed").asBoolean()).isFalse();
        assertThat(project.get("entryReview").get("items").valueStream().map(i -> i.get("item").asString()).toList())
                .contains("SITE_READY", "POWER_SUPPLY", "WATER_AND_DRAINAGE", "SAFETY", "CUSTOMER_PERSON_PRESENT");
        assertThat(project.get("customerName").asString()).isEqualTo("郴州电力公司");

        var missing = api.post(BASE, Map.of("quantity", 0), sales);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .contains("customerName", "productModel", "quantity", "plannedStart", "salesContact");
    }

    @Test
    @DisplayName("DSP-11 SEC-02 entry review before going on site: problems fixed and re-checked; the work order's arrival waits; problems signed go to quality")
    void DSP11_entryReviewProblemsAndQuality() {
        JsonNode workOrder = installationWorkOrder();
        String workOrderId = workOrder.get("id").asString();
        String ticketId = workOrder.get("ticketId").asString();
        Map<String, Object> notice = notice(today().plusDays(10));
        notice.put("workOrderId", workOrderId);
        var created = api.post(BASE, notice, sales);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String id = created.body().get("id").asString();
        assertThat(created.body().get("ticketId").asString()).isEqualTo(ticketId);
        Map<String, Object> again = notice(today().plusDays(10));
        again.put("workOrderId", workOrderId);
        var second = api.post(BASE, again, sales);
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.body().get("errors").get(0).get("field").asString()).isEqualTo("workOrderId");

        // the work order's technician may not go on site before the entry review passed
        var early = api.post("/api/dispatch/work-orders/" + workOrderId + "/arrival", Map.of(), techNorth);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body().get("detail").asString()).contains("entry review").contains("SITE_READY OPEN");

        // SEC-02: a technician not on the project
        String item = BASE + "/" + id + "/entry-review/items/";
        assertThat(api.post(item + "SITE_READY", Map.of("result", "OK"), techSouth).status()).isEqualTo(403);
        assertThat(api.get(BASE + "/" + id, techSouth).status()).isEqualTo(403);
        assertThat(api.post(item + "SITE_READY", Map.of("result", "OK"), sales).status()).isEqualTo(403);
        assertThat(api.get(BASE + "/" + id, token("qa.chen", "QUALITY")).status()).isEqualTo(200);
        assertThat(api.get(BASE + "?page=0&size=50", techNorth).body().get("items").valueStream()
                .anyMatch(p -> p.get("id").asString().equals(id))).as("the work order's technician lists it").isTrue();

        var teamBad = api.put(BASE + "/" + id + "/team", Map.of("technicians", List.of("nobody.here")), supervisor, Map.of());
        assertThat(teamBad.status()).isEqualTo(400);
        assertThat(teamBad.body().get("errors").get(0).get("field").asString()).isEqualTo("technicians[0]");
        assertThat(api.put(BASE + "/" + id + "/team", Map.of("technicians", List.of("tech.north2")), techNorth, Map.of())
                .status()).isEqualTo(403);
        assertThat(api.put(BASE + "/" + id + "/team", Map.of("technicians", List.of("tech.north2")), supervisor, Map.of())
                .status()).isEqualTo(200);

        JsonNode project = null;
        for (String code : List.of("SITE_READY", "DRAWINGS_AND_PLAN", "WATER_AND_DRAINAGE", "ACCESS_AND_TRANSPORT",
                "FOUNDATIONS_AND_MOUNTING", "SAFETY", "CUSTOMER_PERSON_PRESENT")) {
            var ok = api.post(item + code, Map.of("result", "OK"), token("tech.north2", "TECHNICIAN"));
            assertThat(ok.status()).as(ok.body().toString()).isEqualTo(200);
        }
        assertThat(api.post(item + "POWER_SUPPLY", Map.of("result", "PROBLEM"), techNorth).status())
                .as("a PROBLEM says what is wrong").isEqualTo(400);
        project = api.post(item + "POWER_SUPPLY", Map.of("result", "PROBLEM", "note", "no 380V feed yet"), techNorth).body();
        assertThat(project.get("entryReview").get("passed").asBoolean()).isFalse();
        assertThat(api.post(item + "POWER_SUPPLY", Map.of("result", "OK"), techNorth).status())
                .as("a checked item is re-checked, not checked again").isEqualTo(409);
        assertThat(api.post(item + "NO_SUCH_ITEM", Map.of("result", "OK"), techNorth).status()).isEqualTo(404);

        var blocked = api.post(BASE + "/" + id + "/start", Map.of(), techNorth);
        assertThat(blocked.status()).isEqualTo(409);
        assertThat(blocked.body().get("detail").asString()).contains("POWER_SUPPLY PROBLEM");

        var rechecked = api.post(item + "POWER_SUPPLY/recheck", Map.of("result", "OK", "note", "feed installed by customer"),
                techNorth);
        assertThat(rechecked.status()).isEqualTo(200);
        assertThat(rechecked.body().get("entryReview").get("passed").asBoolean()).isTrue();
        JsonNode power = rechecked.body().get("entryReview").get("items").valueStream()
                .filter(i -> i.get("item").asString().equals("POWER_SUPPLY")).findFirst().orElseThrow();
        assertThat(power.get("rechecks").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM installation_entry_check WHERE project_id = :id AND item = 'POWER_SUPPLY'")
                .param("id", UUID.fromString(id)).query(Integer.class).single()).isEqualTo(2);

        assertThat(api.post("/api/dispatch/work-orders/" + workOrderId + "/arrival", Map.of(), techNorth).status())
                .as("the entry review passed: the technician goes on site").isEqualTo(200);
        var started = api.post(BASE + "/" + id + "/start", Map.of(), techNorth);
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.body().get("state").asString()).isEqualTo("IN_PROGRESS");

        var recorded = api.post(BASE + "/" + id + "/problems", Map.of("description", "bracket holes do not match the drawing",
                "category", "DESIGN_OR_DRAWING", "severity", "MAJOR"), techNorth);
        assertThat(recorded.status()).isEqualTo(201);
        String problemId = recorded.body().get("problems").get(0).get("id").asString();
        var second2 = api.post(BASE + "/" + id + "/problems", Map.of("description", "one unit's panel scratched",
                "category", "PRODUCT_QUALITY", "severity", "MINOR"), techNorth);
        String closable = second2.body().get("problems").get(1).get("id").asString();
        assertThat(api.post(BASE + "/" + id + "/problems", Map.of("description", "x", "category", "NOPE",
                "severity", "MINOR"), techNorth).status()).isEqualTo(400);

        var incomplete = api.post(BASE + "/" + id + "/completion", Map.of(), techNorth);
        assertThat(incomplete.status()).isEqualTo(409);
        assertThat(incomplete.body().get("detail").asString()).contains(problemId);

        String signature = BASE + "/" + id + "/problems/" + problemId + "/signature";
        var both = api.post(signature, Map.of("signedBy", "王经理", "signerRole", "CUSTOMER", "signature", PNG,
                "confirmationCode", "4711"), techNorth);
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.body().get("errors").get(0).get("field").asString()).isEqualTo("signature");
        var notPng = api.post(signature, Map.of("signedBy", "王经理", "signerRole", "CUSTOMER",
                "signature", Base64.getEncoder().encodeToString("hello".getBytes())), techNorth);
        assertThat(notPng.status()).isEqualTo(400);
        assertThat(api.post(signature, Map.of("signedBy", "王经理", "signerRole", "CUSTOMER", "signature", PNG), techSouth)
                .status()).isEqualTo(403);
        var signed = api.post(signature, Map.of("signedBy", "王经理", "signerRole", "CUSTOMER", "signature", PNG), techNorth);
        assertThat(signed.status()).as(signed.body().toString()).isEqualTo(200);
        assertThat(signed.body().get("problems").get(0).get("state").asString()).isEqualTo("HANDED_TO_QUALITY");
        assertThat(api.post(signature, Map.of("signedBy", "王经理", "signerRole", "CUSTOMER", "confirmationCode", "1"),
                techNorth).status()).as("signed once").isEqualTo(409);

        ConsumerRecord<String, String> event = probe.awaitType("InstallationProblemRecorded", ticketId, Duration.ofSeconds(30));
        assertThat(CONTRACTS.validate(EventProbe.header(event, "ce_type"), event.value())).isEmpty();
        assertThat(event.value()).contains(id).contains(problemId).contains(workOrderId).contains("DESIGN_OR_DRAWING")
                .contains("\"confirmation\": \"SIGNATURE\"").doesNotContain(PNG).doesNotContain("aggregate");

        var closed = api.post(BASE + "/" + id + "/problems/" + closable + "/closure",
                Map.of("resolution", "panel replaced from the van stock"), supervisor);
        assertThat(closed.status()).isEqualTo(200);
        var done = api.post(BASE + "/" + id + "/completion", Map.of(), techNorth);
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body().get("state").asString()).isEqualTo("COMPLETED");
        assertThat(api.get(BASE + "?state=COMPLETED", token("mgr.sun", "MANAGER")).body().get("items").valueStream()
                .anyMatch(p -> p.get("id").asString().equals(id))).isTrue();
    }

    @Test
    @DisplayName("DSP-11 a project without a ticket publishes its signed problem keyed by the project")
    void DSP11_problemWithoutTicketKeyedByProject() {
        String id = api.post(BASE, notice(today().plusDays(8)), sales).body().get("id").asString();
        String item = BASE + "/" + id + "/entry-review/items/";
        for (String code : List.of("SITE_READY", "DRAWINGS_AND_PLAN", "POWER_SUPPLY", "WATER_AND_DRAINAGE",
                "ACCESS_AND_TRANSPORT", "FOUNDATIONS_AND_MOUNTING", "SAFETY", "CUSTOMER_PERSON_PRESENT")) {
            assertThat(api.post(item + code, Map.of("result", "OK"), supervisor).status()).isEqualTo(200);
        }
        assertThat(api.post(BASE + "/" + id + "/start", Map.of(), supervisor).status()).isEqualTo(200);
        String problemId = api.post(BASE + "/" + id + "/problems", Map.of("description", "two casings dented",
                "category", "PRODUCT_QUALITY", "severity", "CRITICAL"), supervisor).body().get("problems").get(0)
                .get("id").asString();
        assertThat(api.post(BASE + "/" + id + "/problems/" + problemId + "/signature", Map.of("signedBy", "site lead Liu",
                "signerRole", "SITE_LEAD", "confirmationCode", "CONF-88"), supervisor).status()).isEqualTo(200);
        ConsumerRecord<String, String> event = probe.awaitType("InstallationProblemRecorded", id, Duration.ofSeconds(30));
        assertThat(CONTRACTS.validate(EventProbe.header(event, "ce_type"), event.value())).isEmpty();
        assertThat(event.value()).contains("\"confirmation\": \"CODE\"").doesNotContain("CONF-88");
    }
}
