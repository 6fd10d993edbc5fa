package com.opensvc.aftersales.parts.stock;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;

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

/** The stock endpoint's roles and paging, on a web slice (no platform). */
@WebSliceTest(StockController.class)
class StockRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @MockitoBean
    StockRepository stock;

    private MvcResult get(String query) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get("/api/parts/stock" + query).with(as("store.wu", "STOREKEEPER")))
                .andReturn();
    }

    private static List<String> fields(MvcResult result) throws Exception {
        JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
        return body.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    @Test
    @DisplayName("SEC-01 parts endpoints: no token → 401; a technician → 403")
    void SEC01_rolesOnParts() throws Exception {
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/parts/stock")).andReturn().getResponse().getStatus())
                .isEqualTo(401);
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/parts/stock").with(as("tech.north", "TECHNICIAN")))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"size=0", "size=-1", "size=201", "size=abc", "size=2147483648", "page=-1", "page=x",
            "page=99999999999"})
    @DisplayName("PRT-07 bad paging on the stock list → 400 naming page or size, never a 500")
    void PRT07_badPagingIsNamed(String query) throws Exception {
        MvcResult result = get("?" + query);
        assertThat(result.getResponse().getStatus()).as(query).isEqualTo(400);
        assertThat(fields(result)).as(query).containsExactly(query.substring(0, query.indexOf('=')));
    }

    @Test
    @DisplayName("PRT-07 the largest page is fine; a NUL in the location filter is named, not a 500")
    void PRT07_hugePageAndBadFilter() throws Exception {
        assertThat(get("?page=2147483647&size=200").getResponse().getStatus()).isEqualTo(200);
        MvcResult nul = mvc.perform(MockMvcRequestBuilders.get("/api/parts/stock").param("location", "A\u0000B")
                .with(as("store.wu", "STOREKEEPER"))).andReturn();
        assertThat(nul.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(nul)).containsExactly("location");
    }
}
