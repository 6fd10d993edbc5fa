package com.opensvc.aftersales.intake.outreach;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.opensvc.aftersales.testkit.WebSliceTest;

/** The outreach list's request shape and roles, on a web slice (no platform). */
@WebSliceTest(OutreachController.class)
class OutreachRequestShapeTest {
    @Autowired
    MockMvc mvc;
    @MockitoBean
    OutreachRepository outreach;
    @MockitoBean
    Clock clock;

    private final RequestPostProcessor desk = as("desk.li", "FRONT_DESK");

    private MvcResult get(String path, RequestPostProcessor as) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).with(as)).andReturn();
    }

    @Test
    @DisplayName("INT-17 the outreach list names bad paging and a malformed campaign; the desk's roles only")
    void INT17_outreachListBadInputAndRoles() throws Exception {
        var badSize = get("/api/intake/outreach?size=0", desk);
        assertThat(badSize.getResponse().getStatus()).isEqualTo(400);
        assertThat(badSize.getResponse().getContentAsString()).contains("size");
        assertThat(get("/api/intake/outreach?campaignId=nope", desk).getResponse().getStatus()).isEqualTo(400);
        assertThat(get("/api/intake/outreach", as("tech.north", "TECHNICIAN")).getResponse().getStatus()).isEqualTo(403);
    }
}
