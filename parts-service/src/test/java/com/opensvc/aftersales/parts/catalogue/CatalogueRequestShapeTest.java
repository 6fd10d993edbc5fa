package com.opensvc.aftersales.parts.catalogue;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.testkit.WebSliceTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** /api/parts/catalogue: request shapes and roles, on a web slice (no platform). */
@WebSliceTest(CatalogueController.class)
class CatalogueRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Part PART = new Part("CMP-100", "Rotary compressor 3.2 kW", new BigDecimal("1280.00"), true,
            List.of("KFR-35GW"), true, 3, Instant.parse("2026-11-23T01:00:00Z"), "store.wu");

    @Autowired
    MockMvc mvc;
    @MockitoBean
    Catalogue catalogue;

    private final RequestPostProcessor storekeeper = as("store.wu", "STOREKEEPER");

    private MvcResult perform(MockHttpServletRequestBuilder request, RequestPostProcessor as) throws Exception {
        return mvc.perform(as == null ? request : request.with(as)).andReturn();
    }

    private MvcResult post(Object body, RequestPostProcessor as) throws Exception {
        return perform(MockMvcRequestBuilders.post("/api/parts/catalogue").contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body)), as);
    }

    private MvcResult put(Object body, String ifMatch, RequestPostProcessor as) throws Exception {
        var request = MockMvcRequestBuilders.put("/api/parts/catalogue/CMP-100").contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body));
        return perform(ifMatch == null ? request : request.header("If-Match", ifMatch), as);
    }

    private static Map<String, Object> part(Object partNumber, Object unitPrice) {
        Map<String, Object> body = new HashMap<>();
        body.put("partNumber", partNumber);
        body.put("description", "Rotary compressor 3.2 kW");
        body.put("unitPrice", unitPrice);
        body.put("serialised", true);
        body.put("fittingModels", List.of("KFR-35GW"));
        return body;
    }

    private static Map<String, Object> edit(Object unitPrice) {
        Map<String, Object> body = part("CMP-100", unitPrice);
        body.remove("partNumber");
        body.put("active", true);
        return body;
    }

    private static List<String> fields(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(400);
        JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
        return body.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    @Test
    @DisplayName("INT-08 SEC-01 only the storekeeper creates and edits parts: no token 401; technician, finance, supervisor 403")
    void INT08_onlyTheStorekeeperWritesTheCatalogue() throws Exception {
        assertThat(post(part("CMP-100", 10), null).getResponse().getStatus()).isEqualTo(401);
        assertThat(put(edit(10), "\"3\"", null).getResponse().getStatus()).isEqualTo(401);
        for (String role : List.of("TECHNICIAN", "FINANCE", "SUPERVISOR", "MANAGER", "FRONT_DESK")) {
            assertThat(post(part("CMP-100", 10), as("someone", role)).getResponse().getStatus()).as(role)
                    .isEqualTo(403);
            assertThat(put(edit(10), "\"3\"", as("someone", role)).getResponse().getStatus()).as(role)
                    .isEqualTo(403);
        }
        assertThat(perform(MockMvcRequestBuilders.get("/api/parts/catalogue/CMP-100/price-history"),
                as("tech.north", "TECHNICIAN")).getResponse().getStatus()).isEqualTo(403);
        verifyNoInteractions(catalogue);
    }

    @Test
    @DisplayName("INT-08 a unit price is 0 or more with at most two decimals and ten digits; each bad field is named")
    void INT08_pricesAreMoneyWithTwoDecimals() throws Exception {
        assertThat(fields(post(part("CMP-100", -1), storekeeper))).containsExactly("unitPrice");
        assertThat(fields(post(part("CMP-100", new BigDecimal("12.345")), storekeeper))).containsExactly("unitPrice");
        assertThat(fields(post(part("CMP-100", new BigDecimal("12345678901")), storekeeper))).containsExactly("unitPrice");
        assertThat(fields(post(part("CMP-100", "cheap"), storekeeper))).containsExactly("unitPrice");
        assertThat(fields(post(part("CMP-100", null), storekeeper))).containsExactly("unitPrice");
        assertThat(fields(put(edit(new BigDecimal("-0.01")), "\"3\"", storekeeper))).containsExactly("unitPrice");
        assertThat(fields(put(edit(new BigDecimal("1.001")), "\"3\"", storekeeper))).containsExactly("unitPrice");
        verifyNoInteractions(catalogue);
    }

    @Test
    @DisplayName("DOMAIN §5 a part needs a part number of the catalogue's form, a description and whether it is serialised")
    void partShape() throws Exception {
        assertThat(fields(post(Map.of(), storekeeper)))
                .containsExactlyInAnyOrder("partNumber", "description", "unitPrice", "serialised");
        assertThat(fields(post(part("cmp-100", 10), storekeeper))).containsExactly("partNumber");
        assertThat(fields(post(part("CMP 100", 10), storekeeper))).containsExactly("partNumber");
        assertThat(fields(post(part("C".repeat(41), 10), storekeeper))).containsExactly("partNumber");
        Map<String, Object> blankModel = part("CMP-100", 10);
        blankModel.put("fittingModels", List.of("KFR-35GW", " "));
        assertThat(fields(post(blankModel, storekeeper))).containsExactly("fittingModels[1]");
        Map<String, Object> noActive = edit(10);
        noActive.remove("active");
        noActive.remove("fittingModels");
        assertThat(fields(put(noActive, "\"3\"", storekeeper))).containsExactlyInAnyOrder("active", "fittingModels");
        verifyNoInteractions(catalogue);
    }

    @Test
    @DisplayName("INT-08 a well-formed part reaches the catalogue with the storekeeper as actor; 201 with its Location and ETag")
    void INT08_wellFormedCreate() throws Exception {
        when(catalogue.create(any(), any(), any())).thenReturn(new Catalogue.Created(PART, true));
        var created = post(part("CMP-100", new BigDecimal("1280.5")), storekeeper);
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/parts/catalogue/CMP-100");
        assertThat(created.getResponse().getHeader("ETag")).isEqualTo("\"3\"");
        verify(catalogue).create(any(), org.mockito.ArgumentMatchers.isNull(), eq("store.wu"));
    }

    @Test
    @DisplayName("INT-08 a price edit needs If-Match: 428 without it, 400 when malformed; with it the version reaches the catalogue")
    void INT08_editNeedsIfMatch() throws Exception {
        assertThat(put(edit(10), null, storekeeper).getResponse().getStatus()).isEqualTo(428);
        assertThat(fields(put(edit(10), "yesterday", storekeeper))).containsExactly("If-Match");
        when(catalogue.change(eq("CMP-100"), any(), anyInt(), any())).thenReturn(PART);
        var changed = put(edit(10), "\"2\"", storekeeper);
        assertThat(changed.getResponse().getStatus()).isEqualTo(200);
        assertThat(changed.getResponse().getHeader("ETag")).isEqualTo("\"3\"");
        verify(catalogue).change(eq("CMP-100"), any(), eq(2), eq("store.wu"));
    }

    @Test
    @DisplayName("DOMAIN §5 everyone who prepares or quotes work reads the catalogue; other roles 403")
    void readers() throws Exception {
        when(catalogue.search(any(), any(), any(), any())).thenReturn(new PageOf<>(List.of(PART), 0, 20, 1));
        for (String role : List.of("STOREKEEPER", "SUPERVISOR", "MANAGER", "TECHNICIAN", "FINANCE", "QUALITY",
                "FRONT_DESK", "CUSTOMER_MANAGER")) {
            assertThat(perform(MockMvcRequestBuilders.get("/api/parts/catalogue?model=KFR-35GW"), as("someone", role))
                    .getResponse().getStatus()).as(role).isEqualTo(200);
        }
        assertThat(perform(MockMvcRequestBuilders.get("/api/parts/catalogue"), as("someone", "REVISIT_AGENT"))
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(perform(MockMvcRequestBuilders.get("/api/parts/catalogue"), null).getResponse().getStatus())
                .isEqualTo(401);
        assertThat(fields(perform(MockMvcRequestBuilders.get("/api/parts/catalogue?active=maybe"), storekeeper)))
                .containsExactly("active");
        assertThat(fields(perform(MockMvcRequestBuilders.get("/api/parts/catalogue?size=0"), storekeeper)))
                .containsExactly("size");
    }
}
