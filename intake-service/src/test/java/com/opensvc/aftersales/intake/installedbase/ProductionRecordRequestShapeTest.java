package com.opensvc.aftersales.intake.installedbase;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.ArrayList;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.opensvc.aftersales.testkit.WebSliceTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The production-record endpoint's request shapes and roles, on a web slice (no platform). */
@WebSliceTest(InstalledProductController.class)
class ProductionRecordRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @MockitoBean
    InstalledProductService service;

    private final RequestPostProcessor quality = as("qc.zhang", "QUALITY");
    private final UUID id = UUID.randomUUID();

    private static Map<String, Object> component(String partNumber, Object serial, Object factoryDate) {
        Map<String, Object> component = new HashMap<>();
        component.put("partNumber", partNumber);
        component.put("serialNumber", serial);
        component.put("factoryDate", factoryDate);
        return component;
    }

    private static Map<String, Object> record(List<?> components) {
        Map<String, Object> record = new HashMap<>();
        record.put("productionBatch", "B2025-44");
        record.put("inspectedOn", "2025-11-04");
        record.put("inspector", "qc.zhang");
        record.put("components", components);
        return record;
    }

    private static Map<String, Object> good() {
        return record(List.of(component("CMP-100", "CMP-25-778812", "2025-10-12"), component("FLT-200", null, "2025-10-28")));
    }

    private MvcResult put(Object body, RequestPostProcessor as, String ifMatch) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.put("/api/intake/installed-products/" + id
                + "/production-record").contentType(MediaType.APPLICATION_JSON)
                .content(body instanceof String s ? s : JSON.writeValueAsString(body));
        if (as != null) {
            request.with(as);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return mvc.perform(request).andReturn();
    }

    private static List<String> fields(MvcResult result) throws Exception {
        JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
        return body.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    @Test
    @DisplayName("PRT-03 SEC-01 only quality (and admin) record the production inspection record: desk and technician 403 before the body is read, no token 401")
    void PRT03_roles() throws Exception {
        assertThat(put(good(), as("desk.li", "FRONT_DESK"), "\"1\"").getResponse().getStatus()).isEqualTo(403);
        assertThat(put(good(), as("tech.north", "TECHNICIAN"), "\"1\"").getResponse().getStatus()).isEqualTo(403);
        assertThat(put(good(), as("store.wu", "STOREKEEPER"), "\"1\"").getResponse().getStatus()).isEqualTo(403);
        assertThat(put("{\"components\":\"nope\"}", as("desk.li", "FRONT_DESK"), "\"1\"").getResponse().getStatus())
                .as("the role is checked before the body").isEqualTo(403);
        assertThat(put(good(), null, "\"1\"").getResponse().getStatus()).isEqualTo(401);
        verifyNoInteractions(service);

        when(service.setProductionRecord(eq(id), eq(3), any(), anyString())).thenReturn(new InstalledProduct(id,
                UUID.randomUUID(), null, "AC-3200", "AIR_CONDITIONER", "SN-1", null, null, null, null, null, Map.of(),
                null, 4, Instant.EPOCH, "desk.li", Instant.EPOCH, "qc.zhang"));
        var recorded = put(good(), quality, "\"3\"");
        assertThat(recorded.getResponse().getStatus()).isEqualTo(200);
        assertThat(recorded.getResponse().getHeader("ETag")).isEqualTo("\"4\"");
        assertThat(put(good(), as("admin", "ADMIN"), "\"3\"").getResponse().getStatus()).isEqualTo(200);
        verify(service, times(2)).setProductionRecord(eq(id), eq(3), any(), anyString());
    }

    @Test
    @DisplayName("PRT-03 the record is an edit of a shared record: no If-Match 428, a malformed one 400 naming If-Match")
    void PRT03_ifMatch() throws Exception {
        assertThat(put(good(), quality, null).getResponse().getStatus()).isEqualTo(428);
        var malformed = put(good(), quality, "yesterday");
        assertThat(malformed.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(malformed)).containsExactly("If-Match");
        verifyNoInteractions(service);
    }

    @Test
    @DisplayName("PRT-03 bad input names the field: no components, a null component, NUL in a serial, over-long text, future and out-of-range dates, a missing part number")
    void PRT03_badInputNamesTheField() throws Exception {
        var missing = put(Map.of("productionBatch", "B1"), quality, "\"1\"");
        assertThat(missing.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(missing)).containsExactly("components");

        var empty = put(record(List.of()), quality, "\"1\"");
        assertThat(empty.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(empty)).containsExactly("components");

        List<Object> withNull = new ArrayList<>();
        withNull.add(component("CMP-100", "S1", null));
        withNull.add(null);
        var nullComponent = put(record(withNull), quality, "\"1\"");
        assertThat(nullComponent.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(nullComponent)).containsExactly("components[1]");

        var nul = put(record(List.of(component("CMP-100", "S1", null), component("PCB-300", "S\u00002", null))), quality,
                "\"1\"");
        assertThat(nul.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(nul)).containsExactly("components[1].serialNumber");

        Map<String, Object> tooLong = record(List.of(component("CMP-100", "x".repeat(101), null),
                component("P".repeat(101), "S2", null)));
        tooLong.put("inspector", "i".repeat(101));
        var longText = put(tooLong, quality, "\"1\"");
        assertThat(longText.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(longText)).containsExactlyInAnyOrder("components[0].serialNumber", "components[1].partNumber",
                "inspector");

        Map<String, Object> future = record(List.of(component("CMP-100", null, "2999-01-01")));
        future.put("inspectedOn", "2999-01-02");
        var futureDates = put(future, quality, "\"1\"");
        assertThat(futureDates.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(futureDates)).containsExactlyInAnyOrder("components[0].factoryDate", "inspectedOn");

        var outOfRange = put(record(List.of(component("CMP-100", null, "10000-01-01"))), quality, "\"1\"");
        assertThat(outOfRange.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(outOfRange)).containsExactly("components[0].factoryDate");

        var noPart = put(record(List.of(component(" ", "S1", null))), quality, "\"1\"");
        assertThat(noPart.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(noPart)).containsExactly("components[0].partNumber");

        verifyNoInteractions(service);
    }

    @Test
    @DisplayName("SEC-03 the product's history is paged and read by the installed base's readers")
    void SEC03_historyPagedAndRead() throws Exception {
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/intake/installed-products/" + id + "/history?size=0")
                .with(quality)).andReturn().getResponse().getStatus()).isEqualTo(400);
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/intake/installed-products/" + id + "/history")
                .with(as("store.wu", "STOREKEEPER"))).andReturn().getResponse().getStatus()).isEqualTo(403);
        verify(service, never()).history(any(), any());
    }
}
