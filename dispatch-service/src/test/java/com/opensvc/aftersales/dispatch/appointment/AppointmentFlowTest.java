package com.opensvc.aftersales.dispatch.appointment;

import static com.opensvc.aftersales.data.Timestamps.utc;
import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import tools.jackson.databind.json.JsonMapper;

/** DSP-04: appointment windows and late notices through the API, with the events they publish. */
@DispatchServiceTest
class AppointmentFlowTest {
    private static final String TICKETS = "aftersales.intake.ticket";
    private static final String WORK_ORDERS = "aftersales.dispatch.workorder";
    private static final EventContracts CONTRACTS = EventContracts.load();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration HOP = Duration.ofSeconds(30);

    private RestApi api;
    @ProbeTopics(WORK_ORDERS)
    private EventProbe probe;
    private EventSender sender;
    @Autowired
    JdbcClient jdbc;

    private final String supervisor = token("sup.zhao", "SUPERVISOR");
    private final String north = token("tech.north", "TECHNICIAN");
    private final String south = token("tech.south", "TECHNICIAN");

    @BeforeEach
    void technicians() {
        TestTechnicians.ensure(jdbc);
    }

    /** A NEW work order in NORTH (no parts expected); its id. */
    private String newOrder(UUID ticketId) {
        sender.send(TICKETS, ticketId.toString(), "TicketAccepted", "intake-service", """
                {"ticketId":"%s","ticketNumber":"T-2026-%06d","serviceType":"ON_SITE","entitlement":"FREE_REPAIR",
                 "customerRegion":"NORTH","productLine":"AIR_CONDITIONER","productModel":"AC-3200","serialNumber":"SN-%s",
                 "expectedParts":[],"priority":"NORMAL","qualityMustReport":false,"actor":"desk.li",
                 "occurredAt":"2026-11-23T01:00:00Z"}
                """.formatted(ticketId, Math.abs(ticketId.hashCode() % 1_000_000), ticketId));
        probe.awaitType("WorkOrderCreated", ticketId.toString(), HOP);
        return api.get("/api/dispatch/work-orders?ticketId=" + ticketId, supervisor).body().get("items").get(0)
                .get("id").asString();
    }

    /** A READY work order assigned to tech.north; its id. */
    private String readyOrder(UUID ticketId) {
        String id = newOrder(ticketId);
        var assigned = api.post("/api/dispatch/work-orders/" + id + "/assignment", Map.of("technicianId", "tech.north"),
                supervisor);
        assertThat(assigned.status()).as(assigned.body().toString()).isEqualTo(200);
        assertThat(assigned.body().get("state").asString()).isEqualTo("READY");
        return id;
    }

    private static String path(String id, String tail) {
        return "/api/dispatch/work-orders/" + id + "/" + tail;
    }

    private static Map<String, Object> window(Instant start, Duration length) {
        Map<String, Object> body = new HashMap<>();
        body.put("windowStart", start.toString());
        body.put("windowEnd", start.plus(length).toString());
        return body;
    }

    private static Instant tomorrow() {
        return Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
    }

    private ConsumerRecord<String, String> awaitEvent(String type, String workOrderId, boolean rescheduled) {
        ConsumerRecord<String, String> record = probe.await(r -> EventProbe.eventType(r).equals(type)
                && JSON.readTree(r.value()).path("workOrderId").asString().equals(workOrderId)
                && JSON.readTree(r.value()).path("rescheduled").asBoolean(false) == rescheduled, HOP);
        assertThat(CONTRACTS.validate(EventProbe.header(record, "ce_type"), record.value())).isEmpty();
        return record;
    }

    private static List<String> fields(RestApi.Response response) {
        return response.body().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    @Test
    @DisplayName("DSP-04 the assigned technician confirms a window (VisitScheduled, not rescheduled); a change records who asked and why; every version kept")
    void DSP04_confirmAndChange() {
        UUID ticketId = UUID.randomUUID();
        String id = readyOrder(ticketId);
        Map<String, Object> first = window(tomorrow(), Duration.ofHours(3));
        first.put("confirmedWith", "Mr. Wang (owner)");
        first.put("note", "call 30 minutes ahead");
        var confirmed = api.post(path(id, "appointment"), first, north);
        assertThat(confirmed.status()).as(confirmed.body().toString()).isEqualTo(200);
        JsonNode current = confirmed.body().get("current");
        assertThat(current.get("technician").asString()).isEqualTo("tech.north");
        assertThat(current.get("requestedBy").asString()).isEqualTo("TECHNICIAN");
        assertThat(current.get("rescheduled").asBoolean()).isFalse();
        assertThat(current.get("seq").asInt()).isEqualTo(1);
        assertThat(current.get("confirmedWith").asString()).isEqualTo("Mr. Wang (owner)");

        ConsumerRecord<String, String> scheduled = awaitEvent("VisitScheduled", id, false);
        assertThat(scheduled.key()).isEqualTo(ticketId.toString());
        JsonNode event = JSON.readTree(scheduled.value());
        assertThat(event.get("technicianId").asString()).isEqualTo("tech.north");
        assertThat(event.get("requestedBy").asString()).isEqualTo("TECHNICIAN");
        assertThat(Instant.parse(event.get("windowStart").asString())).isEqualTo(Instant.parse((String) first.get("windowStart")));
        assertThat(scheduled.value()).as("SEC-04 the customer's contact is not published").doesNotContain("Wang");

        assertThat(api.post(path(id, "appointment"), first, north).status()).as("one is current: change it").isEqualTo(409);

        Map<String, Object> change = window(tomorrow().plus(Duration.ofDays(1)), Duration.ofHours(2));
        change.put("requestedBy", "CUSTOMER");
        change.put("reason", "customer away that day");
        var changed = api.put(path(id, "appointment"), change, supervisor, Map.of());
        assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
        assertThat(changed.body().get("current").get("seq").asInt()).isEqualTo(2);
        assertThat(changed.body().get("current").get("rescheduled").asBoolean()).isTrue();
        assertThat(changed.body().get("current").get("actor").asString()).isEqualTo("sup.zhao");
        assertThat(changed.body().get("current").get("technician").asString()).as("still the technician's").isEqualTo("tech.north");
        assertThat(changed.body().get("current").get("confirmedWith").asString()).isEqualTo("Mr. Wang (owner)");
        JsonNode rescheduled = JSON.readTree(awaitEvent("VisitScheduled", id, true).value());
        assertThat(rescheduled.get("requestedBy").asString()).isEqualTo("CUSTOMER");
        assertThat(rescheduled.get("reason").asString()).isEqualTo("customer away that day");
        assertThat(rescheduled.get("actor").asString()).isEqualTo("sup.zhao");

        JsonNode read = api.get(path(id, "appointment"), north).body();
        assertThat(read.get("current").get("seq").asInt()).isEqualTo(2);
        assertThat(read.get("changes").get("totalItems").asLong()).isEqualTo(2);
        assertThat(read.get("changes").get("items").valueStream().map(v -> v.get("seq").asInt())).containsExactly(2, 1);
        assertThat(api.get(path(id, "appointment"), token("desk.li", "FRONT_DESK")).status()).isEqualTo(200);

        // RPT-02: the dispatch slip prints the current window, in the company's zone
        java.time.format.DateTimeFormatter printed = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(java.time.ZoneId.of("Asia/Shanghai"));
        RestApi.Download slip = api.download(path(id, "documents/dispatch-slip.pdf"), supervisor, "application/pdf");
        assertThat(slip.status()).isEqualTo(200);
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(slip.body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf)).contains(
                    printed.format(Instant.parse((String) change.get("windowStart"))) + " - "
                            + printed.format(Instant.parse((String) change.get("windowEnd"))));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    @DisplayName("DSP-04 SEC-02 another technician books, changes, reads and gives a late notice on nobody's order but their own: 403")
    void DSP04_anotherTechnicianIsRefused() {
        String id = readyOrder(UUID.randomUUID());
        Map<String, Object> window = window(tomorrow(), Duration.ofHours(2));
        assertThat(api.post(path(id, "appointment"), window, south).status()).isEqualTo(403);
        assertThat(api.post(path(id, "appointment"), window, north).status()).isEqualTo(200);
        Map<String, Object> change = new HashMap<>(window);
        change.put("requestedBy", "TECHNICIAN");
        change.put("reason", "mine now");
        assertThat(api.put(path(id, "appointment"), change, south, Map.of()).status()).isEqualTo(403);
        assertThat(api.get(path(id, "appointment"), south).status()).isEqualTo(403);
        assertThat(api.post(path(id, "late-notice"), Map.of("expectedArrival", tomorrow().toString(), "reason", "x",
                "customerInformed", true), south).status()).isEqualTo(403);
        assertThat(api.get(path(id, "late-notices"), south).status()).isEqualTo(403);
    }

    @Test
    @DisplayName("DSP-04 bad windows are 400 naming the field: end before start, start in the past, longer than 8h")
    void DSP04_badWindows() {
        String id = readyOrder(UUID.randomUUID());
        var backwards = api.post(path(id, "appointment"), Map.of("windowStart", tomorrow().toString(),
                "windowEnd", tomorrow().minus(Duration.ofHours(1)).toString()), north);
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(fields(backwards)).containsExactly("windowEnd");
        var past = api.post(path(id, "appointment"), window(Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1)), north);
        assertThat(past.status()).isEqualTo(400);
        assertThat(fields(past)).containsExactly("windowStart");
        var tooLong = api.post(path(id, "appointment"), window(tomorrow(), Duration.ofHours(9)), north);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(fields(tooLong)).containsExactly("windowEnd");
        assertThat(tooLong.body().toString()).contains("8h");
        assertThat(api.get(path(id, "appointment"), north).body().get("changes").get("totalItems").asLong()).isZero();
    }

    @Test
    @DisplayName("DSP-04 only an assigned open order takes an appointment: NEW, ON_HOLD, COMPLETED, CANCELLED → 409; nothing to change → 409")
    void DSP04_statesThatTakeNoAppointment() {
        UUID newTicket = UUID.randomUUID();
        String fresh = newOrder(newTicket);
        Map<String, Object> window = window(tomorrow(), Duration.ofHours(2));
        assertThat(api.post(path(fresh, "appointment"), window, supervisor).status()).isEqualTo(409);
        assertThat(api.post(path(fresh, "appointment"), window, north).status()).as("not theirs (yet)").isEqualTo(403);

        String ready = readyOrder(UUID.randomUUID());
        Map<String, Object> change = new HashMap<>(window);
        change.put("requestedBy", "CUSTOMER");
        change.put("reason", "earlier please");
        var nothing = api.put(path(ready, "appointment"), change, north, Map.of());
        assertThat(nothing.status()).isEqualTo(409);
        assertThat(nothing.body().toString()).contains("POST");

        Map<String, Object> visit = Map.of("outcome", "FIXED", "symptom", "no cooling", "causeCode", "C-GAS-LOW",
                "actions", "refilled", "labourMinutes", 30, "customerConfirmation", "SIGNED-1", "partsUsed", List.of());
        assertThat(api.post(path(ready, "visits"), visit, north).status()).isEqualTo(200);
        var completed = api.post(path(ready, "appointment"), window, north);
        assertThat(completed.status()).isEqualTo(409);
        assertThat(completed.body().toString()).contains("COMPLETED");

        UUID heldTicket = UUID.randomUUID();
        String held = readyOrder(heldTicket);
        sender.send(TICKETS, heldTicket.toString(), "EntitlementChanged", "intake-service", """
                {"ticketId":"%s","ticketNumber":"T-2026-000777","previousEntitlement":"FREE_REPAIR","entitlement":"PAID",
                 "reason":"NO_PROOF_OF_PURCHASE","quoteRequired":true,"actor":"desk.li","occurredAt":"2026-11-23T02:00:00Z"}
                """.formatted(heldTicket));
        awaitState(held, "ON_HOLD");
        assertThat(api.post(path(held, "appointment"), window, north).status()).isEqualTo(409);
        sender.send(TICKETS, heldTicket.toString(), "QuoteDeclined", "intake-service", """
                {"ticketId":"%s","ticketNumber":"T-2026-000777","quoteId":"%s","revision":1,"total":"120.00",
                 "currency":"EUR","reason":"CUSTOMER_DECLINED","actor":"sup.zhao","occurredAt":"2026-11-23T03:00:00Z"}
                """.formatted(heldTicket, UUID.randomUUID()));
        awaitState(held, "CANCELLED");
        var cancelled = api.post(path(held, "appointment"), window, north);
        assertThat(cancelled.status()).isEqualTo(409);
        assertThat(cancelled.body().toString()).contains("CANCELLED");
    }

    private void awaitState(String id, String state) {
        await().atMost(HOP).until(() -> api.get("/api/dispatch/work-orders/" + id, supervisor).body().get("state")
                .asString().equals(state));
    }

    @Test
    @DisplayName("DSP-04 DSP-05 a late technician tells the customer the new arrival (CustomerToldOfDelay), even after the window ended; a past arrival → 400")
    void DSP04_lateNotice() {
        UUID ticketId = UUID.randomUUID();
        String id = readyOrder(ticketId);
        // a window agreed earlier that has ended by now (the API books none in the past)
        Instant ended = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("""
                INSERT INTO appointment (id, work_order_id, ticket_id, seq, technician, window_start, window_end,
                    requested_by, rescheduled, actor, recorded_at)
                VALUES (:id, :workOrder, :ticket, 1, 'tech.north', :start, :end, 'TECHNICIAN', false, 'tech.north', :start)
                """).param("id", UUID.randomUUID()).param("workOrder", UUID.fromString(id)).param("ticket", ticketId)
                .param("start", utc(ended.minus(Duration.ofHours(2)))).param("end", utc(ended)).update();

        Instant expected = Instant.now().plus(Duration.ofMinutes(45)).truncatedTo(ChronoUnit.SECONDS);
        var past = api.post(path(id, "late-notice"), Map.of("expectedArrival", Instant.now().minus(Duration.ofMinutes(5))
                .toString(), "reason", "traffic", "customerInformed", true), north);
        assertThat(past.status()).isEqualTo(400);
        assertThat(fields(past)).containsExactly("expectedArrival");
        var notTold = api.post(path(id, "late-notice"), Map.of("expectedArrival", expected.toString(), "reason", "traffic",
                "customerInformed", false), north);
        assertThat(notTold.status()).isEqualTo(400);
        assertThat(fields(notTold)).containsExactly("customerInformed");

        var told = api.post(path(id, "late-notice"), Map.of("expectedArrival", expected.toString(),
                "reason", "previous repair took longer", "customerInformed", true), north);
        assertThat(told.status()).as(told.body().toString()).isEqualTo(200);
        assertThat(told.body().get("customerInformed").asBoolean()).isTrue();
        assertThat(told.body().get("technician").asString()).isEqualTo("tech.north");
        ConsumerRecord<String, String> delay = awaitEvent("CustomerToldOfDelay", id, false);
        assertThat(delay.key()).isEqualTo(ticketId.toString());
        JsonNode event = JSON.readTree(delay.value());
        assertThat(Instant.parse(event.get("expectedArrival").asString())).isEqualTo(expected);
        assertThat(event.get("reason").asString()).isEqualTo("previous repair took longer");
        assertThat(event.get("technicianId").asString()).isEqualTo("tech.north");

        JsonNode notices = api.get(path(id, "late-notices"), supervisor).body();
        assertThat(notices.get("totalItems").asLong()).isEqualTo(1);
        assertThat(api.post(path(id, "arrival"), Map.of(), north).status()).isEqualTo(200);
        assertThat(api.post(path(id, "late-notice"), Map.of("expectedArrival", expected.toString(), "reason", "x",
                "customerInformed", true), north).status()).as("already on site").isEqualTo(409);
    }
}
