package com.opensvc.aftersales.dispatch.technician;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;

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

import com.opensvc.aftersales.testkit.WebSliceTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** DSP-02, INT-22, SEC-05: the technician endpoints' request shapes and roles, on a web slice. */
@WebSliceTest(TechnicianController.class)
class TechnicianRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PATH = "/api/dispatch/technicians";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    Technicians technicians;

    private MvcResult send(MockHttpServletRequestBuilder request, Object body, String subject, String... roles)
            throws Exception {
        return mvc.perform(request.with(as(subject, roles)).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body))).andReturn();
    }

    private static List<String> fields(MvcResult result) throws Exception {
        JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
        return body.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    @Test
    @DisplayName("DSP02 SEC-01 only a supervisor creates, changes or retires a technician: a technician or manager → 403")
    void DSP02_onlySupervisorManages() throws Exception {
        Map<String, Object> body = Map.of("login", "tech.x", "name", "X", "productLines", List.of("AIR_CONDITIONER"),
                "regions", List.of("NORTH"), "dailyCapacity", 4, "homeStore", "STORE-NORTH");
        assertThat(send(MockMvcRequestBuilders.post(PATH), body, "tech.x", "TECHNICIAN").getResponse().getStatus())
                .isEqualTo(403);
        assertThat(send(MockMvcRequestBuilders.post(PATH), body, "mgr.qian", "MANAGER").getResponse().getStatus())
                .isEqualTo(403);
        assertThat(send(MockMvcRequestBuilders.patch(PATH + "/tech.x"), Map.of("dailyCapacity", 3), "tech.x",
                "TECHNICIAN").getResponse().getStatus()).isEqualTo(403);
        assertThat(send(MockMvcRequestBuilders.post(PATH + "/tech.x/retirement"), Map.of("reason", "left"), "desk.li",
                "FRONT_DESK").getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(MockMvcRequestBuilders.get(PATH).with(as("tech.x", "TECHNICIAN"))).andReturn()
                .getResponse().getStatus()).as("the list is the supervisor's and the manager's").isEqualTo(403);
        assertThat(mvc.perform(MockMvcRequestBuilders.get(PATH + "/me").with(as("sup.zhao", "SUPERVISOR")))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        verifyNoInteractions(technicians);
    }

    @Test
    @DisplayName("DSP02 a technician reads only their own record: another's → 403")
    void DSP02_technicianReadsOnlyTheirOwn() throws Exception {
        assertThat(mvc.perform(MockMvcRequestBuilders.get(PATH + "/tech.other").with(as("tech.x", "TECHNICIAN")))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        verifyNoInteractions(technicians);
    }

    @Test
    @DisplayName("DSP02 a technician without name, skills, regions, home store or with a capacity of 0 is refused naming each field")
    void DSP02_badTechnicianNamesFields() throws Exception {
        var response = send(MockMvcRequestBuilders.post(PATH), Map.of("login", "tech x", "productLines", List.of(),
                "dailyCapacity", 0, "workingStatus", "HOLIDAY"), "sup.zhao", "SUPERVISOR");
        assertThat(response.getResponse().getStatus()).isEqualTo(400);
        var missing = send(MockMvcRequestBuilders.post(PATH), Map.of("login", "tech x", "productLines", List.of(),
                "dailyCapacity", 0), "sup.zhao", "SUPERVISOR");
        assertThat(fields(missing)).contains("login", "name", "productLines", "regions", "dailyCapacity", "homeStore");
        verifyNoInteractions(technicians);
    }

    @Test
    @DisplayName("DSP02 a change without If-Match → 428; a retirement without a reason → 400 naming reason")
    void DSP02_changeNeedsIfMatchAndRetirementAReason() throws Exception {
        assertThat(send(MockMvcRequestBuilders.patch(PATH + "/tech.x"), Map.of("dailyCapacity", 3), "sup.zhao",
                "SUPERVISOR").getResponse().getStatus()).isEqualTo(428);
        var retirement = send(MockMvcRequestBuilders.post(PATH + "/tech.x/retirement"), Map.of(), "sup.zhao",
                "SUPERVISOR");
        assertThat(retirement.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(retirement)).contains("reason");
    }
}
