package com.opensvc.aftersales.dispatch.clock;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

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
    @DisplayName("Paging: size=0, size=-1, page=-1 or a page beyond int on the clock list → 400 naming the parameter, never 500")
    void paging_badParametersAreRefused() throws Exception {
        when(clock.instant()).thenReturn(Instant.parse("2026-12-01T00:00:00Z"));
        for (String query : List.of("size=0", "size=-1", "page=-1", "page=99999999999")) {
            var result = mvc.perform(MockMvcRequestBuilders.get("/api/dispatch/clocks?" + query).with(as("sup.zhao", "SUPERVISOR")))
                    .andReturn();
            assertThat(result.getResponse().getStatus()).as(query).isEqualTo(400);
            assertThat(result.getResponse().getContentAsString()).as(query).contains(query.substring(0, query.indexOf('=')));
        }
        assertThat(get("/api/dispatch/clocks?page=2147483647&size=200", "sup.zhao", "SUPERVISOR")).isEqualTo(200);
    }

    @Test
    @DisplayName("DSP-08 an unknown clock state or an empty page is refused 400")
    void DSP08_badClockQueryIsRefused() throws Exception {
        assertThat(get("/api/dispatch/clocks?state=LATE&size=0", "sup.zhao", "SUPERVISOR")).isEqualTo(400);
    }
}
