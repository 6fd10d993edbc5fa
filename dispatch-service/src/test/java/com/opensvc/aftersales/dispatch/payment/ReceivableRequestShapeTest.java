package com.opensvc.aftersales.dispatch.payment;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;

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

/** DSP-05 receivables: who may see them and who records collections; bad collections named (web slice). */
@WebSliceTest(ReceivableController.class)
class ReceivableRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @MockitoBean
    Receivables receivables;

    private MvcResult collect(Object body, String subject, String... roles) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/api/dispatch/receivables/" + UUID.randomUUID()
                        + "/collections").with(as(subject, roles)).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body))).andReturn();
    }

    @Test
    @DisplayName("DSP-05 SEC-01 only finance records a collection: supervisor, manager, technician, front desk → 403")
    void DSP05_onlyFinanceCollects() throws Exception {
        for (String role : List.of("SUPERVISOR", "MANAGER", "TECHNICIAN", "FRONT_DESK", "STOREKEEPER")) {
            assertThat(collect(Map.of("amount", 10, "reference", "BANK-1"), "someone", role).getResponse().getStatus())
                    .as(role).isEqualTo(403);
        }
        verifyNoInteractions(receivables);
    }

    @Test
    @DisplayName("DSP-05 SEC-01 receivables are listed for finance, supervisors and managers; a technician → 403")
    void DSP05_whoSeesReceivables() throws Exception {
        for (String role : List.of("TECHNICIAN", "FRONT_DESK", "REVISIT_AGENT")) {
            assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/dispatch/receivables?state=OPEN")
                    .with(as("someone", role))).andReturn().getResponse().getStatus()).as(role).isEqualTo(403);
        }
        MvcResult badState = mvc.perform(MockMvcRequestBuilders.get("/api/dispatch/receivables?state=PAID")
                .with(as("finance.wu", "FINANCE"))).andReturn();
        assertThat(badState.getResponse().getStatus()).isEqualTo(400);
        assertThat(badState.getResponse().getContentAsString()).contains("state");
        verifyNoInteractions(receivables);
    }

    @Test
    @DisplayName("DSP-05 a collection of zero, negative, three decimals or without a reference is refused naming the field")
    void DSP05_badCollections() throws Exception {
        for (Map<String, Object> body : List.of(Map.<String, Object>of("amount", 0, "reference", "R"),
                Map.<String, Object>of("amount", -5, "reference", "R"),
                Map.<String, Object>of("amount", 1.005, "reference", "R"),
                Map.<String, Object>of("reference", "R"))) {
            MvcResult result = collect(body, "finance.wu", "FINANCE");
            assertThat(result.getResponse().getStatus()).as(body.toString()).isEqualTo(400);
            JsonNode problem = JSON.readTree(result.getResponse().getContentAsString());
            assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("amount");
        }
        MvcResult noReference = collect(Map.of("amount", 5), "finance.wu", "FINANCE");
        assertThat(noReference.getResponse().getContentAsString()).contains("reference");
        verifyNoInteractions(receivables);
    }
}
