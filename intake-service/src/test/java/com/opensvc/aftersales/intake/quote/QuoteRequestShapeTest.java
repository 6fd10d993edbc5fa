package com.opensvc.aftersales.intake.quote;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.opensvc.aftersales.testkit.WebSliceTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The quote and price-list endpoints' request shapes and roles, on a web slice (no platform). */
@WebSliceTest({QuoteController.class, PriceController.class})
class QuoteRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @MockitoBean
    QuoteService service;
    @MockitoBean
    PriceRepository prices;
    @MockitoBean
    Clock clock;

    private final RequestPostProcessor desk = as("desk.li", "FRONT_DESK");
    private final RequestPostProcessor supervisor = as("sup.wang", "SUPERVISOR");
    private final RequestPostProcessor finance = as("fin.chen", "FINANCE");
    private final RequestPostProcessor storekeeper = as("store.liu", "STOREKEEPER");

    private static Map<String, Object> quoteOf(int compressors) {
        return Map.of("lines", List.of(
                Map.of("kind", "PART", "partNumber", "QP-CMP-100", "quantity", compressors),
                Map.of("kind", "LABOUR", "labourCode", "QP-STD", "minutes", 90),
                Map.of("kind", "TRAVEL", "travelZone", "NORTH")));
    }

    private MvcResult send(MockHttpServletRequestBuilder request, Object body, RequestPostProcessor as) throws Exception {
        request.with(as);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body));
        }
        return mvc.perform(request).andReturn();
    }

    private MvcResult post(String path, Object body, RequestPostProcessor as) throws Exception {
        return send(MockMvcRequestBuilders.post(path), body, as);
    }

    private MvcResult put(String path, Object body, RequestPostProcessor as) throws Exception {
        return send(MockMvcRequestBuilders.put(path), body, as);
    }

    private static List<String> fields(MvcResult result) throws Exception {
        JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
        return body.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    @Test
    @DisplayName("INT-08 bad quote input is refused with 400 naming each field")
    void INT08_badInputNamesEachField() throws Exception {
        String path = "/api/intake/tickets/" + UUID.randomUUID() + "/quotes";

        var negative = post(path, Map.of("lines", List.of(
                Map.of("kind", "PART", "partNumber", "QP-CMP-100", "quantity", -1),
                Map.of("kind", "LABOUR", "labourCode", "QP-STD", "minutes", 0))), desk);
        assertThat(negative.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(negative)).containsExactlyInAnyOrder("lines[0].quantity", "lines[1].minutes");

        var empty = post(path, Map.of("removable", true), desk);
        assertThat(empty.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(empty)).containsExactly("lines");

        var wrongEnum = post(path, Map.of("lines", List.of(Map.of("kind", "GIFT_WRAP"))), desk);
        assertThat(wrongEnum.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(wrongEnum)).containsExactly("lines[0].kind");

        var wrongTerms = post(path, Map.of("paymentTerms", "BARTER", "lines", List.of(Map.of("kind", "TRAVEL"))), desk);
        assertThat(wrongTerms.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(wrongTerms)).containsExactly("paymentTerms");

        String quoteId = UUID.randomUUID().toString();
        var noAnswer = post("/api/intake/quotes/" + quoteId + "/customer-acceptance", Map.of("method", "SMOKE_SIGNAL"), desk);
        assertThat(noAnswer.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(noAnswer)).containsExactly("method");
        var noName = post("/api/intake/quotes/" + quoteId + "/customer-acceptance", Map.of("method", "PHONE"), desk);
        assertThat(fields(noName)).containsExactly("customerName");
        assertThat(post(path, quoteOf(1), as("tech.north", "TECHNICIAN")).getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    @DisplayName("INT-08 SEC-01 the supervisor's approval needs a supervisor, the manager's a manager: wrong role -> 403")
    void INT08_approvalRoles() throws Exception {
        String quoteId = UUID.randomUUID().toString();
        assertThat(post("/api/intake/quotes/" + quoteId + "/supervisor-approval", null, desk).getResponse().getStatus()).isEqualTo(403);
        assertThat(post("/api/intake/quotes/" + quoteId + "/manager-approval", null, supervisor).getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    @DisplayName("INT-08 price lists: finance sets labour and travel, storekeeper or finance parts; bad prices and paging named")
    void INT08_priceListRolesAndInput() throws Exception {
        assertThat(put("/api/intake/prices/parts/QP-X", Map.of("cataloguePrice", new BigDecimal("1.00"), "costPrice", new BigDecimal("0.50")), desk)
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(put("/api/intake/prices/labour/QP-X", Map.of("hourlyRate", new BigDecimal("1.00")), storekeeper).getResponse().getStatus())
                .isEqualTo(403);

        var bad = put("/api/intake/prices/parts/QP-X", Map.of("cataloguePrice", new BigDecimal("-1.00"), "costPrice", new BigDecimal("0.505")), storekeeper);
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(bad)).containsExactlyInAnyOrder("cataloguePrice", "costPrice");

        assertThat(send(MockMvcRequestBuilders.get("/api/intake/prices/labour?size=500"), null, finance).getResponse().getStatus()).isEqualTo(400);
    }
}
