package com.opensvc.aftersales.parts.ledger;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.opensvc.aftersales.testkit.WebSliceTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GET /api/parts/stock/consistency: roles and the limit, on a web slice (no platform). */
@WebSliceTest(ConsistencyController.class)
class ConsistencyRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CHECK = "/api/parts/stock/consistency";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ConsistencyService consistency;

    @Test
    @DisplayName("PRT-02 SEC-01 the consistency check is for storekeepers, managers and administrators: 401, 403")
    void PRT02_roles() throws Exception {
        assertThat(mvc.perform(MockMvcRequestBuilders.get(CHECK)).andReturn().getResponse().getStatus()).isEqualTo(401);
        for (String role : List.of("TECHNICIAN", "SUPERVISOR", "FINANCE", "FRONT_DESK")) {
            assertThat(mvc.perform(MockMvcRequestBuilders.get(CHECK).with(as("someone", role))).andReturn()
                    .getResponse().getStatus()).as(role).isEqualTo(403);
        }
        verifyNoInteractions(consistency);
        for (String role : List.of("STOREKEEPER", "MANAGER", "ADMIN")) {
            assertThat(mvc.perform(MockMvcRequestBuilders.get(CHECK).with(as("someone", role))).andReturn()
                    .getResponse().getStatus()).as(role).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1001", "abc", "1.5"})
    @DisplayName("PRT-02 a bad limit is named, never a 500")
    void PRT02_badLimit(String limit) throws Exception {
        MvcResult result = mvc.perform(MockMvcRequestBuilders.get(CHECK + "?limit=" + limit)
                .with(as("store.wu", "STOREKEEPER"))).andReturn();
        assertThat(result.getResponse().getStatus()).as(limit).isEqualTo(400);
        JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
        assertThat(body.get("errors").valueStream().map(e -> e.get("field").asString()).toList()).containsExactly("limit");
    }
}
