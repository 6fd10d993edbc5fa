package com.opensvc.aftersales.dispatch.depot;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;

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

import com.opensvc.aftersales.testkit.WebSliceTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The depot-repair endpoints' request shapes and roles, on a web slice (no platform). */
@WebSliceTest(DepotRepairController.class)
class DepotRepairRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BASE = "/api/dispatch/depot-repairs";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    DepotRepairService service;

    private MvcResult post(String path, Object body, String subject, String... roles) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post(path).with(as(subject, roles))
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body))).andReturn();
    }

    private int get(String path, String subject, String... roles) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).with(as(subject, roles))).andReturn().getResponse().getStatus();
    }

    private static List<String> fields(MvcResult result) throws Exception {
        JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
        return body.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    private static String step(String name) {
        return BASE + "/" + UUID.randomUUID() + "/" + name;
    }

    @Test
    @DisplayName("DSP-07 SEC-01 only the supervisor and technicians authorise and repair; the storekeeper records goods in and out; others 403 before the body is read")
    void DSP07_roles() throws Exception {
        Map<String, Object> authorisation = Map.of("workOrderId", UUID.randomUUID().toString(), "option",
                "REPAIR_AND_RETURN", "arrival", "POSTED_IN");
        for (String role : List.of("STOREKEEPER", "FRONT_DESK", "FINANCE", "MANAGER", "QUALITY", "CUSTOMER_MANAGER")) {
            assertThat(post(BASE, authorisation, "someone", role).getResponse().getStatus()).as(role).isEqualTo(403);
        }
        for (String path : List.of(step("repair"), step("test"))) {
            assertThat(post(path, Map.of(), "store.wang", "STOREKEEPER").getResponse().getStatus()).as(path).isEqualTo(403);
        }
        for (String path : List.of(step("receipt"), step("return"), step("factory-shipment"), step("factory-return"),
                step("loaner-return"), step("loaner-kept"))) {
            assertThat(post(path, Map.of(), "fin.qian", "FINANCE").getResponse().getStatus()).as(path).isEqualTo(403);
        }
        assertThat(post(step("loaner-kept"), Map.of("reason", "r"), "tech.depot", "TECHNICIAN").getResponse().getStatus())
                .isEqualTo(403);
        assertThat(get("/api/dispatch/loaner-units?out=true", "tech.depot", "TECHNICIAN")).isEqualTo(403);
        assertThat(get(BASE + "?overdue=true", "desk.li", "FRONT_DESK")).isEqualTo(403);
        assertThat(mvc.perform(MockMvcRequestBuilders.get(BASE)).andReturn().getResponse().getStatus()).isEqualTo(401);
        verifyNoInteractions(service);
    }

    @Test
    @DisplayName("DSP-07 an authorisation without option or arrival, or with unknown ones, is refused naming each field")
    void DSP07_badAuthorisation() throws Exception {
        var missing = post(BASE, Map.of(), "sup.zhao", "SUPERVISOR");
        assertThat(missing.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(missing)).contains("workOrderId", "option", "arrival");
        var unknown = post(BASE, Map.of("workOrderId", UUID.randomUUID().toString(), "option", "FIX_IT",
                "arrival", "POSTED_IN"), "sup.zhao", "SUPERVISOR");
        assertThat(unknown.getResponse().getStatus()).isEqualTo(400);
        assertThat(unknown.getResponse().getContentAsString()).contains("option").contains("RETURN_TO_FACTORY");
        verifyNoInteractions(service);
    }

    @Test
    @DisplayName("DSP-07 DSP-05 a repair report missing its facts, or a test without its result, is refused naming each field")
    void DSP07_badRepairAndTest() throws Exception {
        var repair = post(step("repair"), Map.of("labourMinutes", -1, "partsUsed", List.of(Map.of("quantity", 0))),
                "tech.depot", "TECHNICIAN");
        assertThat(repair.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(repair)).contains("symptom", "causeCode", "actions", "labourMinutes",
                "partsUsed[0].partNumber", "partsUsed[0].quantity");
        var test = post(step("test"), Map.of("notes", "x"), "tech.depot", "TECHNICIAN");
        assertThat(test.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(test)).contains("passed");
        verifyNoInteractions(service);
    }

    @Test
    @DisplayName("DSP-07 the return postage is the company's: postagePaidBy other than COMPANY → 400; a bad cost or currency → 400")
    void DSP07_postageOnTheCompany() throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of("carrier", "SF-EXPRESS", "postagePaidBy", "CUSTOMER"));
        var customer = post(step("return"), body, "store.wang", "STOREKEEPER");
        assertThat(customer.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(customer)).containsExactly("postagePaidBy");
        body.put("postagePaidBy", "COMPANY");
        body.put("postageCost", -3);
        body.put("currency", "cny");
        var bad = post(step("return"), body, "store.wang", "STOREKEEPER");
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(bad)).contains("postageCost", "currency");
        body.put("postageCost", 12.345);
        body.put("currency", "CNY");
        assertThat(fields(post(step("return"), body, "store.wang", "STOREKEEPER"))).containsExactly("postageCost");
        verifyNoInteractions(service);
    }

    @Test
    @DisplayName("Paging: size=0 or page=-1 on the depot and loaner lists → 400 naming the parameter; an unknown state → 400")
    void paging_badParametersAreRefused() throws Exception {
        for (String path : List.of(BASE + "?size=0", BASE + "?page=-1", "/api/dispatch/loaner-units?size=0",
                BASE + "?state=LOST", "/api/dispatch/loaner-units?out=maybe")) {
            var result = mvc.perform(MockMvcRequestBuilders.get(path).with(as("sup.zhao", "SUPERVISOR"))).andReturn();
            assertThat(result.getResponse().getStatus()).as(path).isEqualTo(400);
        }
    }
}
