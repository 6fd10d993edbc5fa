package com.opensvc.aftersales.quality.improvement;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
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

/** QLT-05, INT-05: improvement reports on the running service, from intake's events to ImprovementReportIssued. */
@QualityServiceTest
class ImprovementReportFlowTest {
    private static final String TICKETS = "aftersales.intake.ticket";
    private static final String BASE = "/api/quality/improvement-reports";
    private static final EventContracts CONTRACTS = EventContracts.load();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ISSUED_TYPE = "com.opensvc.aftersales.ImprovementReportIssued.v1";

    @Autowired
    JdbcClient jdbc;
    private RestApi api;
    @ProbeTopics("aftersales.quality.defect")
    private EventProbe probe;
    private EventSender sender;

    private final String quality = token("qe.sun", "QUALITY");
    private final String secondQuality = token("qe.wang", "QUALITY");
    private final String manager = token("mgr.wu", "MANAGER");
    private final String serviceDirector = token("sd.chen", "SERVICE_DIRECTOR");
    private final String frontDesk = token("desk.li", "FRONT_DESK");
    private final String technician = token("tech.north", "TECHNICIAN");
    private final String supervisor = token("sup.ma", "SUPERVISOR");

    @BeforeAll
    static void consumedTopics() throws Exception {
        SharedInfrastructure.get().createTopics(TICKETS);
    }

    // --- the requests of each step, as an end-to-end test would send them -----------------------------------------

    static Map<String, Object> analysis() {
        return Map.of("problem", "Drain pump seizes after 3 months", "affectedQuantity", 12,
                "temporaryCountermeasures", "Replace the pump on site",
                "rootCause", Map.of("department", "PURCHASING", "process", "incoming inspection",
                        "description", "supplier lot not tested at high humidity"));
    }

    static Map<String, Object> actions() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return Map.of(
                "corrective", List.of(Map.of("description", "Quarantine supplier lot 2519", "owner", "buyer.li",
                        "dueDate", today.plusDays(7).toString())),
                "preventive", List.of(Map.of("description", "Extend incoming inspection to humidity tests",
                        "owner", "qe.sun", "dueDate", today.plusDays(30).toString())));
    }

    static Map<String, Object> verification(boolean effective) {
        return Map.of("effective", effective, "result", effective ? "No failures in 30 days" : "Two more failures",
                "evidence", "30 units of lot 2520 sampled; field returns for 30 days");
    }

    /** QLT-05: quality records every action of {@code actions()} (one corrective, one preventive) of a round done. */
    void completeAll(String id, int round) {
        for (String kind : List.of("CORRECTIVE", "PREVENTIVE")) {
            var done = api.post(BASE + "/" + id + "/actions/" + round + "/" + kind + "/0/completion",
                    Map.of("note", "done as planned"), quality);
            assertThat(done.status()).as(String.valueOf(done.body())).isEqualTo(200);
        }
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static String ticketAccepted(UUID ticketId, boolean qualityMustReport) {
        ObjectNode accepted = (ObjectNode) JSON.readTree(CONTRACTS.examples("com.opensvc.aftersales.TicketAccepted.v1").get(0));
        accepted.put("ticketId", ticketId.toString());
        accepted.put("qualityMustReport", qualityMustReport);
        return accepted.toString();
    }

    private static String complaintFinished(UUID ticketId, Boolean qualityMustReport) {
        ObjectNode finished = (ObjectNode) JSON.readTree(CONTRACTS.examples("com.opensvc.aftersales.ComplaintFinished.v1").get(0));
        finished.put("ticketId", ticketId.toString());
        finished.put("complaintId", UUID.randomUUID().toString());
        if (qualityMustReport == null) {
            finished.remove("qualityMustReport");
        } else {
            finished.put("qualityMustReport", qualityMustReport);
        }
        return finished.toString();
    }

    private void send(UUID key, String type, String json) {
        sender.send(TICKETS, key.toString(), type, "intake-service", json);
    }

    private JsonNode reportsOf(UUID ticketId) {
        var response = api.get(BASE + "?ticketId=" + ticketId, quality);
        assertThat(response.status()).isEqualTo(200);
        return response.body().get("items");
    }

    private JsonNode awaitReports(UUID ticketId, Predicate<JsonNode> until) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode items = reportsOf(ticketId);
        while (!until.test(items) && System.nanoTime() < deadline) {
            sleep();
            items = reportsOf(ticketId);
        }
        assertThat(until.test(items)).as("reports of ticket %s: %s", ticketId, items).isTrue();
        return items;
    }

    private JsonNode awaitOneReport(UUID ticketId) {
        return awaitReports(ticketId, items -> items.size() == 1).get(0);
    }

    /** Sends a reported acceptance of a marker ticket on {@code key}'s partition and waits for its report. */
    private void awaitHandled(UUID key) {
        UUID marker = UUID.randomUUID();
        send(key, "TicketAccepted", ticketAccepted(marker, true));
        awaitOneReport(marker);
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

    private static List<String> errorFields(RestApi.Response response) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(400);
        return response.body().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    private String path(String id, String step) {
        return BASE + "/" + id + step;
    }

    // --- tests ---------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("INT-05 QLT-05 a ticket accepted with qualityMustReport opens a report; it walks OPEN → ANALYSED → ACTIONS_ASSIGNED (ImprovementReportIssued) → VERIFIED → CLOSED with the right roles, the wrong ones refused")
    void QLT05_walkThroughEveryState() {
        UUID ticketId = UUID.randomUUID();
        send(ticketId, "TicketAccepted", ticketAccepted(ticketId, true));
        JsonNode opened = awaitOneReport(ticketId);
        String id = opened.get("id").asString();
        assertThat(opened.get("state").asString()).isEqualTo("OPEN");
        assertThat(opened.get("origin").asString()).isEqualTo("TICKET_ACCEPTED");
        assertThat(opened.get("ticketNumber").asString()).isEqualTo("T-2026-000123");
        assertThat(opened.get("productModel").asString()).isEqualTo("WM-X200");
        assertThat(opened.get("serialNumber").asString()).isEqualTo("WX200-25-0045871");

        // OPEN: nothing but an analysis
        assertConflict(api.post(path(id, "/actions"), actions(), quality), "OPEN");
        assertConflict(api.post(path(id, "/verification"), verification(true), secondQuality), "OPEN");
        assertConflict(api.post(path(id, "/close"), null, quality), "OPEN");
        for (String wrong : List.of(frontDesk, technician, supervisor, manager, serviceDirector)) {
            assertThat(api.post(path(id, "/analysis"), analysis(), wrong).status()).isEqualTo(403);
        }
        var analysed = api.post(path(id, "/analysis"), analysis(), quality);
        assertThat(analysed.status()).as(String.valueOf(analysed.body())).isEqualTo(200);
        assertThat(analysed.body().get("state").asString()).isEqualTo("ANALYSED");
        assertThat(analysed.body().get("analysedBy").asString()).isEqualTo("qe.sun");
        assertThat(analysed.body().get("affectedQuantity").asInt()).isEqualTo(12);
        assertThat(analysed.body().get("rootCause").get("department").asString()).isEqualTo("PURCHASING");
        assertConflict(api.post(path(id, "/analysis"), analysis(), quality), "ANALYSED");
        assertConflict(api.post(path(id, "/verification"), verification(true), secondQuality), "ANALYSED");

        // ANALYSED → ACTIONS_ASSIGNED: the report is issued
        for (String wrong : List.of(frontDesk, technician, manager)) {
            assertThat(api.post(path(id, "/actions"), actions(), wrong).status()).isEqualTo(403);
        }
        var assigned = api.post(path(id, "/actions"), actions(), quality);
        assertThat(assigned.status()).as(String.valueOf(assigned.body())).isEqualTo(200);
        assertThat(assigned.body().get("state").asString()).isEqualTo("ACTIONS_ASSIGNED");
        assertThat(assigned.body().get("actions").size()).isEqualTo(2);
        assertThat(assigned.body().get("issuedBy").asString()).isEqualTo("qe.sun");

        ConsumerRecord<String, String> issued = probe.awaitType("ImprovementReportIssued", ticketId.toString(),
                Duration.ofSeconds(30));
        assertThat(issued.key()).isEqualTo(ticketId.toString());
        assertThat(EventProbe.header(issued, "ce_subject")).isEqualTo(ticketId.toString());
        assertThat(EventProbe.header(issued, "ce_type")).isEqualTo(ISSUED_TYPE);
        assertThat(EventProbe.header(issued, "ce_source")).isEqualTo("quality-service");
        assertThat(CONTRACTS.validate(ISSUED_TYPE, issued.value())).isEmpty();
        JsonNode payload = JSON.readTree(issued.value());
        assertThat(payload.get("reportId").asString()).isEqualTo(id);
        assertThat(payload.get("ticketId").asString()).isEqualTo(ticketId.toString());
        assertThat(payload.has("alertId")).isFalse();
        assertThat(payload.get("rootCause").asString())
                .isEqualTo("PURCHASING (incoming inspection): supplier lot not tested at high humidity");
        assertThat(payload.get("summary").asString()).contains("Drain pump seizes", "Quarantine supplier lot 2519");
        assertThat(payload.get("actor").asString()).isEqualTo("qe.sun");

        // ACTIONS_ASSIGNED → VERIFIED: quality, and not the analyst (four eyes), once every action is recorded done
        assertConflict(api.post(path(id, "/close"), null, quality), "ACTIONS_ASSIGNED");
        assertConflict(api.post(path(id, "/verification"), verification(true), secondQuality), "ACTIONS_ASSIGNED");
        completeAll(id, 1);
        assertThat(api.post(path(id, "/verification"), verification(true), technician).status()).isEqualTo(403);
        assertThat(api.post(path(id, "/verification"), verification(true), manager).status()).isEqualTo(403);
        var analystVerifies = api.post(path(id, "/verification"), verification(true), quality);
        assertThat(analystVerifies.status()).as("four eyes").isEqualTo(403);
        var verified = api.post(path(id, "/verification"), verification(true), secondQuality);
        assertThat(verified.status()).as(String.valueOf(verified.body())).isEqualTo(200);
        assertThat(verified.body().get("state").asString()).isEqualTo("VERIFIED");
        assertThat(verified.body().get("verifiedBy").asString()).isEqualTo("qe.wang");
        assertThat(verified.body().get("verifications").get(0).get("effective").asBoolean()).isTrue();
        assertConflict(api.post(path(id, "/actions"), actions(), quality), "VERIFIED");

        // VERIFIED → CLOSED: quality or a manager
        assertThat(api.post(path(id, "/close"), null, frontDesk).status()).isEqualTo(403);
        assertThat(api.post(path(id, "/close"), null, serviceDirector).status()).isEqualTo(403);
        var closed = api.post(path(id, "/close"), null, manager);
        assertThat(closed.status()).as(String.valueOf(closed.body())).isEqualTo(200);
        assertThat(closed.body().get("state").asString()).isEqualTo("CLOSED");
        assertConflict(api.post(path(id, "/close"), null, quality), "CLOSED");

        // SEC-03: every change with its actor and time; the readers see it
        assertThat(api.get(path(id, ""), frontDesk).status()).isEqualTo(403);
        assertThat(api.get(path(id, ""), technician).status()).isEqualTo(403);
        var details = api.get(path(id, ""), serviceDirector);
        assertThat(details.status()).isEqualTo(200);
        JsonNode history = details.body().get("history");
        assertThat(history.valueStream().map(h -> h.get("action").asString()).toList())
                .containsExactly("OPENED", "ANALYSED", "ACTIONS_ASSIGNED", "VERIFIED", "CLOSED");
        assertThat(history.valueStream().map(h -> h.get("actor").asString()).toList())
                .containsExactly("system:quality-improvement", "qe.sun", "qe.sun", "qe.wang", "mgr.wu");
        assertThat(history.valueStream().allMatch(h -> h.hasNonNull("at"))).isTrue();
        assertThat(api.get(BASE + "?state=CLOSED&ticketId=" + ticketId, token("cm.zhao", "CUSTOMER_MANAGER"))
                .body().get("items").size()).isEqualTo(1);
        assertThat(api.get(BASE + "?state=OPEN&ticketId=" + ticketId, token("td.gao", "TECHNICAL_DIRECTOR"))
                .body().get("items").size()).isZero();
        assertThat(probe.drain(Duration.ofSeconds(2))).filteredOn(r -> ticketId.toString().equals(r.key()))
                .filteredOn(r -> "ImprovementReportIssued".equals(EventProbe.eventType(r))).as("issued once").hasSize(1);
    }

    @Test
    @DisplayName("INT-05 EVT-04 a second acceptance of the same ticket, or a redelivery, opens no second report")
    void INT05_oneReportPerTicket() {
        UUID ticketId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String accepted = ticketAccepted(ticketId, true);
        sender.send(TICKETS, null, ticketId.toString(), "TicketAccepted", "intake-service", accepted, eventId);
        sender.send(TICKETS, null, ticketId.toString(), "TicketAccepted", "intake-service", accepted, eventId);
        send(ticketId, "TicketAccepted", accepted); // accepted again after a reopen: another event id
        awaitHandled(ticketId);
        JsonNode reports = reportsOf(ticketId);
        assertThat(reports.size()).isEqualTo(1);
        assertThat(api.get(path(reports.get(0).get("id").asString(), ""), quality).body().get("history").size())
                .isEqualTo(1);
    }

    @Test
    @DisplayName("INT-05 a ticket accepted without qualityMustReport opens no report")
    void INT05_noReportWhenNotRequired() {
        UUID ticketId = UUID.randomUUID();
        send(ticketId, "TicketAccepted", ticketAccepted(ticketId, false));
        awaitHandled(ticketId);
        assertThat(reportsOf(ticketId).size()).isZero();
    }

    @Test
    @DisplayName("INT-05 QLT-05 ComplaintFinished with qualityMustReport opens a report when the ticket has none; never a second; without the flag none")
    void INT05_complaintFinishedOpensWhenNone() {
        UUID handledWithoutAcceptance = UUID.randomUUID();
        send(handledWithoutAcceptance, "ComplaintFinished", complaintFinished(handledWithoutAcceptance, true));
        JsonNode report = awaitOneReport(handledWithoutAcceptance);
        assertThat(report.get("origin").asString()).isEqualTo("COMPLAINT_FINISHED");
        assertThat(report.get("state").asString()).isEqualTo("OPEN");

        UUID accepted = UUID.randomUUID();
        send(accepted, "TicketAccepted", ticketAccepted(accepted, true));
        send(accepted, "ComplaintFinished", complaintFinished(accepted, true));
        UUID notRequired = UUID.randomUUID();
        send(accepted, "ComplaintFinished", complaintFinished(notRequired, null));
        send(accepted, "ComplaintFinished", complaintFinished(notRequired, false));
        awaitHandled(accepted);
        JsonNode reports = reportsOf(accepted);
        assertThat(reports.size()).isEqualTo(1);
        assertThat(reports.get(0).get("origin").asString()).isEqualTo("TICKET_ACCEPTED");
        assertThat(reportsOf(notRequired).size()).isZero();
    }

    @Test
    @DisplayName("QLT-05 a report opened by hand for an alert (Idempotency-Key: once) is issued keyed by the report, naming the alert")
    void QLT05_reportForAnAlert() {
        UUID alertId = UUID.randomUUID();
        Map<String, Object> open = Map.of("alertId", alertId.toString(), "problem", "Door seal leaks on WM-X200",
                "productModel", "WM-X200", "affectedQuantity", 40);
        String key = UUID.randomUUID().toString();
        assertThat(api.post(BASE, open, frontDesk, Map.of("Idempotency-Key", key)).status()).isEqualTo(403);
        assertThat(api.post(BASE, open, manager, Map.of("Idempotency-Key", key)).status()).isEqualTo(403);
        var created = api.post(BASE, open, quality, Map.of("Idempotency-Key", key));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        String id = created.body().get("id").asString();
        assertThat(created.header("Location")).isEqualTo(BASE + "/" + id);
        assertThat(created.body().get("origin").asString()).isEqualTo("MANUAL");
        assertThat(created.body().get("alertId").asString()).isEqualTo(alertId.toString());
        assertThat(created.body().get("affectedQuantity").asInt()).isEqualTo(40);
        assertThat(created.body().get("history").get(0).get("actor").asString()).isEqualTo("qe.sun");
        var again = api.post(BASE, open, quality, Map.of("Idempotency-Key", key));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("id").asString()).isEqualTo(id);

        assertThat(api.post(path(id, "/analysis"), analysis(), quality).status()).isEqualTo(200);
        assertThat(api.post(path(id, "/actions"), actions(), secondQuality).status()).isEqualTo(200);
        ConsumerRecord<String, String> issued = probe.awaitType("ImprovementReportIssued", id, Duration.ofSeconds(30));
        assertThat(CONTRACTS.validate(ISSUED_TYPE, issued.value())).isEmpty();
        JsonNode payload = JSON.readTree(issued.value());
        assertThat(payload.get("alertId").asString()).isEqualTo(alertId.toString());
        assertThat(payload.has("ticketId")).isFalse();
        assertThat(payload.get("actor").asString()).isEqualTo("qe.wang");
    }

    @Test
    @DisplayName("QLT-05 an ineffective verification needs new actions: back to ACTIONS_ASSIGNED, verified again only after a new round, issued once")
    void QLT05_ineffectiveVerification() {
        var created = api.post(BASE, Map.of("problem", "Hinge cracks", "productModel", "DW-10", "affectedQuantity", 3),
                quality);
        String id = created.body().get("id").asString();
        api.post(path(id, "/analysis"), analysis(), quality);
        assertThat(api.post(path(id, "/actions"), actions(), quality).status()).isEqualTo(200);
        probe.awaitType("ImprovementReportIssued", id, Duration.ofSeconds(30));

        completeAll(id, 1);
        var ineffective = api.post(path(id, "/verification"), verification(false), secondQuality);
        assertThat(ineffective.status()).isEqualTo(200);
        assertThat(ineffective.body().get("state").asString()).isEqualTo("ACTIONS_ASSIGNED");
        assertThat(ineffective.body().get("newActionsNeeded").asBoolean()).isTrue();
        assertConflict(api.post(path(id, "/verification"), verification(true), secondQuality), "ACTIONS_ASSIGNED");
        assertConflict(api.post(path(id, "/close"), null, quality), "ACTIONS_ASSIGNED");

        var secondRound = api.post(path(id, "/actions"), actions(), quality);
        assertThat(secondRound.status()).isEqualTo(200);
        assertThat(secondRound.body().get("actionRound").asInt()).isEqualTo(2);
        assertThat(secondRound.body().get("newActionsNeeded").asBoolean()).isFalse();
        assertConflict(api.post(path(id, "/actions"), actions(), quality), "ACTIONS_ASSIGNED");
        assertConflict(api.post(path(id, "/verification"), verification(true), secondQuality), "ACTIONS_ASSIGNED");
        completeAll(id, 2);
        var verified = api.post(path(id, "/verification"), verification(true), secondQuality);
        assertThat(verified.body().get("state").asString()).isEqualTo("VERIFIED");
        assertThat(verified.body().get("history").valueStream().map(h -> h.get("action").asString()).toList())
                .containsExactly("OPENED", "ANALYSED", "ACTIONS_ASSIGNED", "VERIFIED_INEFFECTIVE", "ACTIONS_ASSIGNED",
                        "VERIFIED");
        assertThat(probe.drain(Duration.ofSeconds(2))).filteredOn(r -> id.equals(r.key())).as("issued once").hasSize(1);
    }

    @Test
    @DisplayName("QLT-05 a root cause naming neither department nor process, a due date in the past → 400 naming the field; unknown report → 404")
    void QLT05_badInputNamesTheField() {
        String id = api.post(BASE, Map.of("problem", "Knob loose", "productModel", "OV-2", "affectedQuantity", 1), quality)
                .body().get("id").asString();
        var noWhere = api.post(path(id, "/analysis"), Map.of("problem", "Knob loose", "affectedQuantity", 1,
                "temporaryCountermeasures", "Tighten on site", "rootCause", Map.of("description", "torque too low")),
                quality);
        assertThat(errorFields(noWhere)).containsExactly("rootCause.department");
        var byProcess = api.post(path(id, "/analysis"), Map.of("problem", "Knob loose", "affectedQuantity", 1,
                "temporaryCountermeasures", "Tighten on site",
                "rootCause", Map.of("process", "final assembly", "description", "torque too low")), quality);
        assertThat(byProcess.status()).as("a process instead of a department").isEqualTo(200);
        assertThat(byProcess.body().get("rootCause").get("process").asString()).isEqualTo("final assembly");

        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(2).toString();
        var past = api.post(path(id, "/actions"), Map.of("corrective",
                List.of(Map.of("description", "Fix torque", "owner", "prod.he", "dueDate", yesterday))), quality);
        assertThat(errorFields(past)).containsExactly("corrective[0].dueDate");
        var farAhead = api.post(path(id, "/actions"), Map.of("corrective",
                List.of(Map.of("description", "Fix torque", "owner", "prod.he", "dueDate", "+999999999-12-31"))), quality);
        assertThat(errorFields(farAhead)).containsExactly("corrective[0].dueDate");
        assertThat(api.get(path(id, ""), quality).body().get("state").asString()).isEqualTo("ANALYSED");

        assertThat(api.get(path(UUID.randomUUID().toString(), ""), quality).status()).isEqualTo(404);
        assertThat(api.post(path(UUID.randomUUID().toString(), "/close"), null, quality).status()).isEqualTo(404);
        assertThat(api.get(BASE + "?page=2147483647&size=200", quality).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("SEC-03 a report's history, actions and verifications cannot be updated or deleted in the database")
    void SEC03_historyIsAppendOnly() {
        String id = api.post(BASE, Map.of("problem", "Lid rattles", "productModel", "MW-1", "affectedQuantity", 2), quality)
                .body().get("id").asString();
        api.post(path(id, "/analysis"), analysis(), quality);
        api.post(path(id, "/actions"), actions(), quality);
        completeAll(id, 1);
        api.post(path(id, "/verification"), verification(false), secondQuality);
        UUID report = UUID.fromString(id);
        for (String table : List.of("improvement_report_history", "improvement_action", "improvement_verification")) {
            assertThatThrownBy(() -> jdbc.sql("UPDATE " + table + " SET report_id = report_id WHERE report_id = :id")
                    .param("id", report).update()).as(table).isInstanceOf(DataAccessException.class);
            assertThatThrownBy(() -> jdbc.sql("DELETE FROM " + table + " WHERE report_id = :id")
                    .param("id", report).update()).as(table).isInstanceOf(DataAccessException.class);
        }
        assertThat(api.get(path(id, ""), quality).body().get("history").size()).isEqualTo(4);
    }
}
