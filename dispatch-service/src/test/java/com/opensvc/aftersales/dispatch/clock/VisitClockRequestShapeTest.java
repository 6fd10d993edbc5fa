package com.opensvc.aftersales.dispatch.clock;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.opensvc.aftersales.testkit.WebSliceTest;

/** The supervisors' clock list: its role and its query parameters, on a web slice (no platform). */
@WebSliceTest(VisitClockController.class)
class VisitClockRequestShapeTest {
    @Autowired
    MockMvc mvc;
    @MockitoBean
    VisitClockRepository clocks;
    @MockitoBean
    Clock clock;

    private int get(String path, String subject, String... roles) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).with(as(subject, roles))).andReturn().getResponse().getStatus();
    }

    @Test
    @DisplayName("DSP-08 the clock list is for supervisors: the assigned technician → 403")
    void DSP08_technicianDoesNotListClocks() throws Exception {
        assertThat(get("/api/dispatch/clocks?overdue=true", "tech.clocks", "TECHNICIAN")).isEqualTo(403);
    }

    @Test
    @DisplayName("DSP-08 an unknown clock state or an empty page is refused 400")
    void DSP08_badClockQueryIsRefused() throws Exception {
        assertThat(get("/api/dispatch/clocks?state=LATE&size=0", "sup.zhao", "SUPERVISOR")).isEqualTo(400);
    }
}
