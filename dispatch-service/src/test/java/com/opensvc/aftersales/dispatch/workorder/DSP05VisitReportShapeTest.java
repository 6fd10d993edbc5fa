package com.opensvc.aftersales.dispatch.workorder;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.opensvc.aftersales.dispatch.charge.Charges;
import com.opensvc.aftersales.testkit.WebSliceTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** DSP-05: the fixed visit report's charges, payment and confirmation, refused naming each bad field (web slice). */
@WebSliceTest({WorkOrderController.class, WorkOrderChargesController.class})
class DSP05VisitReportShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PNG = Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A,
            0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'});

    @Autowired
    MockMvc mvc;
    @MockitoBean
    WorkOrderService service;
    @MockitoBean
    Charges charges;

    /** A valid report of paid work, with one field replaced or removed ({@code null}) per test. */
    static Map<String, Object> report(Object... overrides) {
        Map<String, Object> report = new HashMap<>(Map.of("outcome", "FIXED", "symptom", "no cooling",
                "causeCode", "C-GAS-LOW", "actions", "refilled", "labourMinutes", 30, "partsUsed", List.of(),
                "charges", Map.of("lines", List.of(Map.of("kind", "TRAVEL", "description", "Travel 20 km",
                        "amount", 80.00))),
                "payment", Map.of("method", "INVOICED", "reference", "INV-1"),
                "confirmation", Map.of("method", "SIGNATURE", "signature", PNG),
                "customerRating", "SATISFIED"));
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                report.remove((String) overrides[i]);
            } else {
                report.put((String) overrides[i], overrides[i + 1]);
            }
        }
        return report;
    }

    private MvcResult post(Object body, String subject, String... roles) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/api/dispatch/work-orders/" + UUID.randomUUID() + "/visits")
                .with(as(subject, roles)).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body))).andReturn();
    }

    /** The fields named by a 400 (and their messages, for the ones the rule words). */
    private Map<String, String> refused(Object body) throws Exception {
        MvcResult result = post(body, "tech.south", "TECHNICIAN");
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(400);
        JsonNode problem = JSON.readTree(result.getResponse().getContentAsString());
        Map<String, String> fields = new HashMap<>();
        problem.get("errors").valueStream()
                .forEach(e -> fields.put(e.get("field").asString(), e.get("message").asString()));
        return fields;
    }

    private static Map<String, Object> line(Object... entries) {
        Map<String, Object> line = new HashMap<>();
        for (int i = 0; i < entries.length; i += 2) {
            line.put((String) entries[i], entries[i + 1]);
        }
        return line;
    }

    private static Map<String, Object> chargesWith(Map<String, Object> line) {
        return Map.of("lines", List.of(line));
    }

    @Test
    @DisplayName("DSP-05 a negative amount, three decimals, an amount beyond the bound or an unknown kind is refused naming the line's field")
    void DSP05_badAmountsAndKinds() throws Exception {
        assertThat(refused(report("charges", chargesWith(line("kind", "TRAVEL", "description", "x", "amount", -1)))))
                .containsKey("charges.lines[0].amount");
        assertThat(refused(report("charges", chargesWith(line("kind", "SERVICE", "description", "x",
                "amount", 10.005))))).containsKey("charges.lines[0].amount");
        assertThat(refused(report("charges", chargesWith(line("kind", "SERVICE", "description", "x",
                "amount", 1000000.01))))).containsKey("charges.lines[0].amount");
        assertThat(refused(report("charges", chargesWith(line("kind", "LUNCH", "description", "x", "amount", 1)))))
                .containsKey("charges.lines[0].kind");
        assertThat(refused(report("charges", chargesWith(line("kind", "TRAVEL", "description", "x")))))
                .containsEntry("charges.lines[0].amount", "is required on a TRAVEL line");
        assertThat(refused(report("charges", chargesWith(line("kind", "TRAVEL", "description", " ", "amount", 1)))))
                .containsKey("charges.lines[0].description");
        verifyNoInteractions(service);
    }

    @Test
    @DisplayName("DSP-05 INT-08 a PARTS line typed with a price is refused: parts are priced from the catalogue")
    void DSP05_partsLineWithPriceIsRefused() throws Exception {
        Map<String, String> priced = refused(report("charges", chargesWith(line("kind", "PARTS",
                "description", "compressor", "partNumber", "CMP-100", "amount", 900))));
        assertThat(priced.get("charges.lines[0].amount")).contains("priced from the catalogue");
        Map<String, String> unitPriced = refused(report("charges", chargesWith(line("kind", "PARTS",
                "description", "compressor", "partNumber", "CMP-100", "unitPrice", 900))));
        assertThat(unitPriced.get("charges.lines[0].unitPrice")).contains("priced from the catalogue");
        Map<String, String> unpriced = refused(report("charges", chargesWith(line("kind", "PARTS",
                "description", "compressor", "partNumber", "CMP-100"))));
        assertThat(unpriced.get("charges.lines[0].kind")).contains("priced from the catalogue");
        verifyNoInteractions(service);
    }

    @Test
    @DisplayName("DSP-05 chargeable=true needs a reason")
    void DSP05_chargeableNeedsReason() throws Exception {
        assertThat(refused(report("charges", Map.of("chargeable", true, "lines", List.of(line("kind", "TRAVEL",
                "description", "Travel", "amount", 50)))))).containsKey("charges.reason");
    }

    @Test
    @DisplayName("DSP-05 payment: an unknown method, an invoice without its number, on-site cash without its amount are refused")
    void DSP05_badPayment() throws Exception {
        assertThat(refused(report("payment", Map.of("method", "BARTER")))).containsKey("payment.method");
        assertThat(refused(report("payment", Map.of("method", "INVOICED")))).containsKey("payment.reference");
        assertThat(refused(report("payment", Map.of("method", "INVOICED", "reference", "INV-1",
                "amountCollected", 10)))).containsKey("payment.amountCollected");
        assertThat(refused(report("payment", Map.of("method", "COLLECTED_ON_SITE"))))
                .containsKey("payment.amountCollected");
        assertThat(refused(report("payment", Map.of("method", "COLLECTED_ON_SITE", "amountCollected", 1.234))))
                .containsKey("payment.amountCollected");
        assertThat(refused(report("payment", Map.of("method", "PREPAID")))).containsKey("payment.reference");
        verifyNoInteractions(service);
    }

    @Test
    @DisplayName("DSP-05 the confirmation: bad base64, an oversize signature, not an image, a bad code, none at all → 400 naming the field")
    void DSP05_badConfirmation() throws Exception {
        assertThat(refused(report("confirmation", Map.of("method", "SIGNATURE", "signature", "not base64!"))))
                .containsEntry("confirmation.signature", "must be base64 (RFC 4648, no line breaks)");
        byte[] big = new byte[CustomerConfirmation.MAX_SIGNATURE_BYTES + 1];
        System.arraycopy(Base64.getDecoder().decode(PNG), 0, big, 0, 16);
        assertThat(refused(report("confirmation", Map.of("method", "SIGNATURE",
                "signature", Base64.getEncoder().encodeToString(big)))).get("confirmation.signature"))
                .contains("larger than 256 KB");
        assertThat(refused(report("confirmation", Map.of("method", "SIGNATURE",
                "signature", Base64.getEncoder().encodeToString("GIF89a-not-allowed".getBytes())))))
                .containsEntry("confirmation.signature", "must be a PNG or JPEG image");
        assertThat(refused(report("confirmation", Map.of("method", "SIGNATURE")))).containsKey("confirmation.signature");
        assertThat(refused(report("confirmation", Map.of("method", "CODE", "code", "12")))).containsKey("confirmation.code");
        assertThat(refused(report("confirmation", Map.of("method", "CODE", "code", "12-34")))).containsKey("confirmation.code");
        assertThat(refused(report("confirmation", Map.of("method", "CODE")))).containsKey("confirmation.code");
        assertThat(refused(report("confirmation", Map.of("method", "WAVE")))).containsKey("confirmation.method");
        assertThat(refused(report("confirmation", null))).containsKey("confirmation");
        assertThat(refused(report("customerRating", "THRILLED"))).containsKey("customerRating");
        verifyNoInteractions(service);
    }

    @Test
    @DisplayName("DSP-05 a JPEG signature, a code, a declined rating, or the older customerConfirmation text are accepted")
    void DSP05_acceptedConfirmations() throws Exception {
        String jpeg = Base64.getEncoder().encodeToString(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x0E, 1});
        for (Map<String, Object> body : List.of(
                report("confirmation", Map.of("method", "SIGNATURE", "signature", "data:image/jpeg;base64," + jpeg)),
                report("confirmation", Map.of("method", "CODE", "code", "4711ab"), "customerRating", null),
                report("confirmation", null, "customerConfirmation", "SIGNED-4711"))) {
            assertThat(post(body, "tech.south", "TECHNICIAN").getResponse().getStatus()).as(body.toString())
                    .isEqualTo(200);
        }
    }

    @Test
    @DisplayName("PRT-03 a used part's oldFactoryDate: an ISO date is accepted and reaches the service; a bad date or year 0 → 400 naming the field")
    void PRT03_oldFactoryDate() throws Exception {
        Map<String, Object> part = new HashMap<>(Map.of("partNumber", "CMP-100", "quantity", 1,
                "oldSerial", "CMP-24-000001"));
        for (String bad : List.of("2024-13-01", "05/01/2024", "0000-01-05", "yesterday")) {
            part.put("oldFactoryDate", bad);
            assertThat(refused(report("partsUsed", List.of(part)))).as(bad).containsKey("partsUsed[0].oldFactoryDate");
        }
        verifyNoInteractions(service);

        part.put("oldFactoryDate", "2024-01-05");
        assertThat(post(report("partsUsed", List.of(part)), "tech.south", "TECHNICIAN").getResponse().getStatus())
                .isEqualTo(200);
        org.mockito.Mockito.verify(service).recordFixedVisit(org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.argThat(visit -> visit.partsUsed().getFirst().oldFactoryDate()
                        .equals(java.time.LocalDate.of(2024, 1, 5))),
                org.mockito.ArgumentMatchers.eq("tech.south"));
    }

    @Test
    @DisplayName("DSP-05 SEC-01 the charges of an order: the front desk and the storekeeper → 403")
    void DSP05_chargesRoles() throws Exception {
        for (String role : List.of("FRONT_DESK", "STOREKEEPER", "REVISIT_AGENT")) {
            assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/dispatch/work-orders/" + UUID.randomUUID()
                    + "/charges").with(as("someone", role))).andReturn().getResponse().getStatus()).as(role)
                    .isEqualTo(403);
        }
        verifyNoInteractions(service, charges);
    }
}
