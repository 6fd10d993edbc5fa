package com.opensvc.aftersales.parts.stock;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.opensvc.aftersales.testkit.WebSliceTest;

/** The stock endpoint's roles, on a web slice (no platform). */
@WebSliceTest(StockController.class)
class StockRequestShapeTest {
    @Autowired
    MockMvc mvc;
    @MockitoBean
    StockRepository stock;

    @Test
    @DisplayName("SEC-01 parts endpoints: no token → 401; a technician → 403")
    void SEC01_rolesOnParts() throws Exception {
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/parts/stock")).andReturn().getResponse().getStatus())
                .isEqualTo(401);
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/parts/stock").with(as("tech.north", "TECHNICIAN")))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
    }
}
