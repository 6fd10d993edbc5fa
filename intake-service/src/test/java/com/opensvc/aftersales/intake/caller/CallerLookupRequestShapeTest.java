package com.opensvc.aftersales.intake.caller;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.opensvc.aftersales.testkit.WebSliceTest;

import tools.jackson.databind.json.JsonMapper;

/** The caller lookup's request shape and roles, on a web slice (no platform). */
@WebSliceTest(CallerLookupController.class)
class CallerLookupRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @MockitoBean
    CallerLookupService service;

    private MvcResult lookup(Object body, RequestPostProcessor as) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/api/intake/caller-lookup").with(as)
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body))).andReturn();
    }

    @Test
    @DisplayName("INT-24 a malformed number is refused naming the field; the lookup needs a desk role")
    void INT24_badInput() throws Exception {
        var bad = lookup(Map.of("phone", "call me"), as("desk.li", "FRONT_DESK"));
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(JSON.readTree(bad.getResponse().getContentAsString()).get("errors").get(0).get("field").asString())
                .isEqualTo("phone");
        assertThat(lookup(Map.of("phone", "+86 735 2221234"), as("tech.north", "TECHNICIAN")).getResponse().getStatus())
                .isEqualTo(403);
    }
}
