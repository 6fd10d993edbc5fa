package com.opensvc.aftersales.intake.sla;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.opensvc.aftersales.testkit.WebSliceTest;

/** The SLA endpoints' roles, on a web slice (no platform). */
@WebSliceTest(SlaController.class)
class SlaRequestShapeTest {
    @Autowired
    MockMvc mvc;
    @MockitoBean
    SlaClocks clocks;

    private final RequestPostProcessor desk = as("desk.li", "FRONT_DESK");

    @Test
    @DisplayName("SLA-03 SEC-01 only the customer manager or supervisor reports the customer unreachable")
    void SLA03_customerUnreachableRoles() throws Exception {
        String id = UUID.randomUUID().toString();
        assertThat(mvc.perform(MockMvcRequestBuilders.post("/api/intake/tickets/" + id + "/customer-unreachable").with(desk))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    @DisplayName("SLA-06 SEC-01 the breach list is not for the desk")
    void SLA06_breachListRoles() throws Exception {
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/intake/sla/breaches").with(desk))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
    }
}
