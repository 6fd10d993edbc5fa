package com.opensvc.aftersales.dispatch.payment;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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

/**
 * DSP-05 through the API and the events: a paid visit charged from the catalogue's prices (INT-08), the customer's
 * confirmation and rating, RepairClosed carrying them, and the receivable finance collects.
 */
@DispatchServiceTest
class DSP05ChargesAndPaymentFlowTest {
    private static final String TICKETS = "aftersales.intake.ticket";
    private static final String WORK_ORDERS = "aftersales.dispatch.workorder";
    private static final String PARTS = "aftersales.parts.stock";
    private static final Duration HOP = Duration.ofSeconds(30);
    private static final EventContracts CONTRACTS = EventContracts.load();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A PNG's signature and the start of its header: enough for the magic-byte check. */
    private static final String PNG = java.util.Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N',
            'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'});

    private RestApi api;
    @ProbeTopics(WORK_ORDERS)
    private EventProbe probe;
    private EventSender sender;
    @Autowired
    JdbcClient jdbc;

    private final String supervisor = token("sup.zhao", "SUPERVISOR");
    private final String finance = token("finance.wu", "FINANCE");
    private final String south = token("tech.south", "TECHNICIAN");
    private final String north = token("tech.north", "TECHNICIAN");

    @BeforeEach
    void technicians() {
        TestTechnicians.ensure(jdbc);
    }

    /** A ticket accepted with {@code entitlement} in SOUTH, assigned to tech.south; its parts issued at these prices. */
    private String readyOrder(String entitlement, String partsJson, String pricedLinesJson) {
        UUID ticketId = UUID.randomUUID();
        sender.send(TICKETS, ticketId.toString(), "TicketAccepted", "intake-service", """
                {"ticketId":"%s","ticketNumber":"T-2026-%06d","serviceType":"ON_SITE","entitlement":"%s",
                 "customerRegion":"SOUTH","productLine":"AIR_CONDITIONER","productModel":"AC-3200","serialNumber":"SN-%s",
                 "expectedParts":%s,"priority":"NORMAL","qualityMustReport":false,"actor":"desk.li",
                 "occurredAt":"2026-11-23T01:00:00Z"}
                """.formatted(ticketId, Math.abs(ticketId.hashCode() % 1_000_000), entitlement, ticketId, partsJson));
        probe.awaitType("WorkOrderCreated", ticketId.toString(), HOP);
        String id = api.get("/api/dispatch/work-orders?ticketId=" + ticketId, supervisor).body().get("items").get(0)
                .get("id").asString();
        var assigned = api.post("/api/dispatch/work-orders/" + id + "/assignment", Map.of(), supervisor);
        assertThat(assigned.status()).as(assigned.body().toString()).isEqualTo(200);
        if (pricedLinesJson != null) {
            sender.send(PARTS, ticketId.toString(), "PartsIssued", "parts-service", """
                    {"workOrderId":"%s","ticketId":"%s","technicianId":"tech.south","fromLocation":"STORE-SOUTH",
                     "toLocation":"TECH-tech.south","lines":%s,"currency":"CNY","actor":"system:parts-issue",
                     "occurredAt":"2026-11-23T02:00:00Z"}""".formatted(id, ticketId, pricedLinesJson));
        }
        await().atMost(HOP).until(() -> api.get("/api/dispatch/work-orders/" + id, supervisor).body().get("state")
                .asString().equals("READY"));
        return id;
    }

    private static Map<String, Object> visit(List<Map<String, Object>> partsUsed, Object... extra) {
        Map<String, Object> visit = new HashMap<>(Map.of("outcome", "FIXED", "symptom", "no cooling",
                "causeCode", "C-COMP-SEIZED", "actions", "replaced compressor", "labourMinutes", 95,
                "partsUsed", partsUsed, "handling", "ON_SITE"));
        for (int i = 0; i < extra.length; i += 2) {
            visit.put((String) extra[i], extra[i + 1]);
        }
        return visit;
    }

    private static List<String> fields(JsonNode problem) {
        return problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    private ConsumerRecord<String, String> schemaValid(String type, String workOrderId) {
        ConsumerRecord<String, String> event = probe.await(r -> EventProbe.eventType(r).equals(type)
                && r.value().contains(workOrderId), HOP);
        assertThat(CONTRACTS.validate(EventProbe.header(event, "ce_type"), event.value())).as(event.value()).isEmpty();
        return event;
    }

    @Test
    @DisplayName("DSP-05 INT-08 SEC-02 a paid visit: parts at the catalogue price, travel and service entered, signature and rating; RepairClosed carries them; only the assigned technician reports")
    void DSP05_paidVisitIsChargedFromTheCatalogue() {
        String id = readyOrder("PAID", "[{\"partNumber\":\"CMP-100\",\"quantity\":1}]",
                "[{\"partNumber\":\"CMP-100\",\"quantity\":1,\"unitPrice\":420.00}]");
        await().atMost(HOP).until(() -> jdbc.sql("SELECT count(*) FROM part_price WHERE part_number = 'CMP-100'")
                .query(Integer.class).single() == 1);
        Map<String, Object> charges = Map.of("lines", List.of(
                Map.of("kind", "TRAVEL", "description", "Travel 35 km", "amount", 80),
                Map.of("kind", "SERVICE", "description", "Labour 1.5 h", "amount", 150.50)));
        Map<String, Object> payment = Map.of("method", "COLLECTED_ON_SITE", "reference", "RCPT-0815",
                "amountCollected", 650.50);
        Map<String, Object> confirmation = Map.of("method", "SIGNATURE", "signature", PNG);
        List<Map<String, Object>> parts = List.of(Map.of("partNumber", "CMP-100", "quantity", 1,
                "newSerial", "CMP-NEW-1", "oldSerial", "CMP-OLD-9"));

        var unpriced = api.post("/api/dispatch/work-orders/" + id + "/visits", visit(List.of(parts.get(0),
                        Map.of("partNumber", "NOPRICE-1", "quantity", 2)), "charges", charges, "payment", payment,
                "confirmation", confirmation), south);
        assertThat(unpriced.status()).as("INT-08 a part dispatch has no catalogue price for").isEqualTo(400);
        assertThat(fields(unpriced.body())).containsExactly("partsUsed[1].partNumber");

        Map<String, Object> report = visit(parts, "charges", charges, "payment", payment, "confirmation", confirmation,
                "customerRating", "VERY_SATISFIED");
        assertThat(api.post("/api/dispatch/work-orders/" + id + "/visits", report, north).status())
                .as("SEC-02 another technician's order").isEqualTo(403);
        var fixed = api.post("/api/dispatch/work-orders/" + id + "/visits", report, south);
        assertThat(fixed.status()).as(fixed.body().toString()).isEqualTo(200);
        assertThat(fixed.body().get("state").asString()).isEqualTo("COMPLETED");

        JsonNode closed = JSON.readTree(schemaValid("RepairClosed", id).value());
        assertThat(closed.get("handling").asString()).isEqualTo("ON_SITE");
        assertThat(closed.get("charges").get("partsTotal").decimalValue()).isEqualByComparingTo("420.00");
        assertThat(closed.get("charges").get("travelTotal").decimalValue()).isEqualByComparingTo("80.00");
        assertThat(closed.get("charges").get("serviceTotal").decimalValue()).isEqualByComparingTo("150.50");
        assertThat(closed.get("charges").get("total").decimalValue()).isEqualByComparingTo("650.50");
        assertThat(closed.get("charges").get("currency").asString()).isEqualTo("CNY");
        assertThat(closed.get("charges").get("lines").get(0).get("unitPrice").decimalValue())
                .isEqualByComparingTo("420.00");
        assertThat(closed.get("payment").get("method").asString()).isEqualTo("COLLECTED_ON_SITE");
        assertThat(closed.get("payment").get("amountDue").decimalValue()).isEqualByComparingTo("650.50");
        assertThat(closed.get("confirmation").get("method").asString()).isEqualTo("SIGNATURE");
        assertThat(closed.get("customerConfirmation").asString()).isEqualTo("SIGNATURE");
        assertThat(closed.get("customerRating").asString()).isEqualTo("VERY_SATISFIED");
        assertThat(closed.toString()).as("the signature image stays in dispatch").doesNotContain(PNG);
        assertThat(jdbc.sql("SELECT length(signature) FROM visit_confirmation WHERE work_order_id = :id")
                .param("id", UUID.fromString(id)).query(Integer.class).single()).isEqualTo(16);

        String chargesPath = "/api/dispatch/work-orders/" + id + "/charges";
        for (String reader : List.of(supervisor, finance, south, token("mgr.qian", "MANAGER"))) {
            var sheet = api.get(chargesPath, reader);
            assertThat(sheet.status()).isEqualTo(200);
            assertThat(sheet.body().get("charges").get("lines").size()).isEqualTo(3);
            assertThat(sheet.body().get("charges").get("total").decimalValue()).isEqualByComparingTo("650.50");
            assertThat(sheet.body().get("payment").get("reference").asString()).isEqualTo("RCPT-0815");
        }
        assertThat(api.get(chargesPath, north).status()).as("SEC-02").isEqualTo(403);
        assertThat(api.get(chargesPath, token("desk.li", "FRONT_DESK")).status()).isEqualTo(403);

        // RPT-02: the charge form of this visit, three copies, read back
        String formPath = "/api/dispatch/work-orders/" + id + "/documents/charge-form.pdf";
        RestApi.Download form = api.download(formPath, finance, "application/pdf");
        assertThat(form.status()).isEqualTo(200);
        try (PDDocument pdf = Loader.loadPDF(form.body())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(3);
            assertThat(new PDFTextStripper().getText(pdf)).contains("收费单", "客户联", "财务联", "存档联", "650.50",
                    "RCPT-0815");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(api.download(formPath, north, "application/pdf").status()).as("SEC-02").isEqualTo(403);
        assertThat(api.download(formPath, token("desk.li", "FRONT_DESK"), "application/pdf").status()).isEqualTo(403);
    }

    @Test
    @DisplayName("DSP-05 unpaid balances are tracked until finance records collection: partial collections add up, over-collection → 400, concurrent collections never over-collect, only finance collects")
    void DSP05_financeCollectsTheReceivable() throws Exception {
        String id = readyOrder("PAID", "[]", null);
        var fixed = api.post("/api/dispatch/work-orders/" + id + "/visits", visit(List.of(),
                "charges", Map.of("lines", List.of(Map.of("kind", "SERVICE", "description", "Diagnosis",
                        "amount", 500))),
                "payment", Map.of("method", "INVOICED", "reference", "INV-2026-0042"),
                "confirmation", Map.of("method", "CODE", "code", "K7Q2M9")), south);
        assertThat(fixed.status()).as(fixed.body().toString()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT rating FROM visit_confirmation WHERE work_order_id = :id")
                .param("id", UUID.fromString(id)).query(String.class).single()).as("no rating: declined")
                .isEqualTo("DECLINED");
        assertThat(JSON.readTree(schemaValid("RepairClosed", id).value()).get("customerRating").isNull()).isTrue();

        assertThat(open(finance)).contains(id);
        assertThat(open(supervisor)).contains(id);
        assertThat(api.get("/api/dispatch/receivables", south).status()).isEqualTo(403);

        String collections = "/api/dispatch/receivables/" + id + "/collections";
        for (String notFinance : List.of(supervisor, south, token("mgr.qian", "MANAGER"))) {
            assertThat(api.post(collections, Map.of("amount", 100, "reference", "BANK-1"), notFinance).status())
                    .isEqualTo(403);
        }
        var partial = api.post(collections, Map.of("amount", 200, "reference", "BANK-1",
                "receivedAt", "2026-11-20T08:00:00Z"), finance);
        assertThat(partial.status()).as(partial.body().toString()).isEqualTo(200);
        assertThat(partial.body().get("receivable").get("balance").decimalValue()).isEqualByComparingTo("300.00");
        assertThat(partial.body().get("receivable").get("state").asString()).isEqualTo("OPEN");
        JsonNode collected = JSON.readTree(schemaValid("PaymentCollected", id).value());
        assertThat(collected.get("amount").decimalValue()).isEqualByComparingTo("200.00");
        assertThat(collected.get("method").asString()).isEqualTo("INVOICED");
        assertThat(collected.get("settled").asBoolean()).isFalse();

        var over = api.post(collections, Map.of("amount", 300.01, "reference", "BANK-2"), finance);
        assertThat(over.status()).isEqualTo(400);
        assertThat(fields(over.body())).containsExactly("amount");
        assertThat(api.post(collections, Map.of("amount", 1, "reference", "BANK-2", "receivedAt",
                "2099-01-01T00:00:00Z"), finance).status()).as("received in the future").isEqualTo(400);

        List<CompletableFuture<Integer>> racing = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String reference = "BANK-RACE-" + i;
            racing.add(CompletableFuture.supplyAsync(() -> api.post(collections,
                    Map.of("amount", 300, "reference", reference), finance).status()));
        }
        List<Integer> statuses = racing.stream().map(CompletableFuture::join).sorted().toList();
        assertThat(statuses).as("one settles, the other would over-collect").containsExactly(200, 400);
        var settled = api.get("/api/dispatch/receivables/" + id, finance);
        assertThat(settled.body().get("receivable").get("state").asString()).isEqualTo("SETTLED");
        assertThat(settled.body().get("receivable").get("balance").decimalValue()).isEqualByComparingTo("0");
        assertThat(settled.body().get("collections").size()).isEqualTo(2);
        assertThat(api.get("/api/dispatch/receivables?state=SETTLED&size=200", finance).body().toString()).contains(id);
        assertThat(open(finance)).doesNotContain(id);
    }

    private String open(String token) {
        var page = api.get("/api/dispatch/receivables?state=OPEN&size=200", token);
        assertThat(page.status()).isEqualTo(200);
        return page.body().get("items").toString();
    }

    @Test
    @DisplayName("DSP-05 INT-08 work that is not PAID: charges → 400 unless chargeable=true with a reason; then only the entered lines, and a receivable")
    void DSP05_nonPaidWorkIsChargedOnlyWhenMadeChargeable() {
        String id = readyOrder("FREE_REPAIR", "[]", null);
        Map<String, Object> travel = Map.of("kind", "TRAVEL", "description", "Travel to a fixed unit", "amount", 60);
        Map<String, Object> payment = Map.of("method", "PREPAID", "reference", "PRE-2026-7", "amountCollected", 20);
        Map<String, Object> confirmation = Map.of("method", "CODE", "code", "4711");

        var refused = api.post("/api/dispatch/work-orders/" + id + "/visits", visit(List.of(),
                "charges", Map.of("lines", List.of(travel)), "payment", payment, "confirmation", confirmation), south);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused.body())).contains("charges.chargeable");

        var charged = api.post("/api/dispatch/work-orders/" + id + "/visits", visit(List.of(),
                "charges", Map.of("chargeable", true, "reason", "unit cannot be removed: travel charged (INT-08)",
                        "lines", List.of(travel)), "payment", payment, "confirmation", confirmation,
                "customerRating", "NEUTRAL"), south);
        assertThat(charged.status()).as(charged.body().toString()).isEqualTo(200);
        JsonNode closed = JSON.readTree(schemaValid("RepairClosed", id).value());
        assertThat(closed.get("charges").get("chargeableReason").asString()).contains("cannot be removed");
        assertThat(closed.get("payment").get("amountDue").decimalValue()).as("60 less the 20 prepaid")
                .isEqualByComparingTo("40.00");
        var receivable = api.get("/api/dispatch/receivables/" + id, finance).body().get("receivable");
        assertThat(receivable.get("prepaid").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(receivable.get("balance").decimalValue()).isEqualByComparingTo("40.00");
    }

    @Test
    @DisplayName("DSP-05 a visit without charges on warranty work has no charge form and no receivable")
    void DSP05_warrantyWorkHasNoCharges() {
        String id = readyOrder("FREE_REPAIR", "[]", null);
        assertThat(api.post("/api/dispatch/work-orders/" + id + "/visits", visit(List.of(),
                "customerConfirmation", "SIGNED-4711"), south).status()).isEqualTo(200);
        JsonNode closed = JSON.readTree(schemaValid("RepairClosed", id).value());
        assertThat(closed.get("charges").isNull()).isTrue();
        assertThat(closed.get("customerConfirmation").asString()).isEqualTo("SIGNED-4711");
        assertThat(api.get("/api/dispatch/work-orders/" + id + "/charges", supervisor).status()).isEqualTo(404);
        assertThat(api.post("/api/dispatch/receivables/" + id + "/collections",
                Map.of("amount", 1, "reference", "X"), finance).status()).isEqualTo(404);
    }
}
