package com.opensvc.aftersales.parts.loan;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.opensvc.aftersales.testkit.WebSliceTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The loan and backorder lists: paging, filters and roles, on a web slice (no platform). */
@WebSliceTest({LoanController.class, BackorderController.class})
class LoanRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> LISTS = List.of("/api/parts/loans?workOrderId=" + UUID.randomUUID(),
            "/api/parts/backorders?location=STORE-NORTH");

    @Autowired
    MockMvc mvc;
    @MockitoBean
    LoanRepository loans;
    @MockitoBean
    BackorderRepository backorders;
    @MockitoBean
    ReconciliationService reconciliation;
    @MockitoBean
    SettlementProperties settlement;
    @MockitoBean
    java.time.Clock clock;

    private MvcResult get(String url, RequestPostProcessor as) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(url).with(as)).andReturn();
    }

    static List<String> fields(MvcResult result) throws Exception {
        JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
        return body.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"size=0", "size=-1", "size=201", "size=abc", "size=2147483648", "page=-1", "page=x",
            "page=99999999999"})
    @DisplayName("PRT-07 bad paging on the loan and backorder lists → 400 naming page or size, never a 500")
    void PRT07_badPagingIsNamed(String query) throws Exception {
        String field = query.substring(0, query.indexOf('='));
        for (String list : LISTS) {
            MvcResult result = get(list + "&" + query, as("store.wu", "STOREKEEPER"));
            assertThat(result.getResponse().getStatus()).as(list + "&" + query).isEqualTo(400);
            assertThat(fields(result)).as(list + "&" + query).containsExactly(field);
        }
    }

    @Test
    @DisplayName("PRT-07 the largest page is read with a long offset (no overflow into a 500)")
    void PRT07_hugePageIsFine() throws Exception {
        for (String list : LISTS) {
            MvcResult result = get(list + "&page=2147483647&size=200", as("store.wu", "STOREKEEPER"));
            assertThat(result.getResponse().getStatus()).as(list).isEqualTo(200);
        }
    }

    @Test
    @DisplayName("PRT-01 SEC-01 backorders: bad filters are named; technicians may not read the lists")
    void PRT01_backorderFiltersAndRoles() throws Exception {
        assertThat(fields(get("/api/parts/backorders?status=LOST", as("store.wu", "STOREKEEPER")))).containsExactly("status");
        assertThat(fields(get("/api/parts/backorders?workOrderId=nope", as("store.wu", "STOREKEEPER"))))
                .containsExactly("workOrderId");
        assertThat(fields(mvc.perform(MockMvcRequestBuilders.get("/api/parts/backorders").param("location", "A\u0000B")
                .with(as("store.wu", "STOREKEEPER"))).andReturn())).containsExactly("location");
        assertThat(get(LISTS.get(1), as("tech.north", "TECHNICIAN")).getResponse().getStatus()).isEqualTo(403);
        assertThat(get("/api/parts/backorders", as("sup.zhao", "SUPERVISOR")).getResponse().getStatus()).isEqualTo(200);
    }
}
