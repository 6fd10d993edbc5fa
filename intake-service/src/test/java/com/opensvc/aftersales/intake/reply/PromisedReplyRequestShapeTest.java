package com.opensvc.aftersales.intake.reply;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.opensvc.aftersales.testkit.WebSliceTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The promised-reply endpoints' request shapes and roles, on a web slice (no platform). */
@WebSliceTest(PromisedReplyController.class)
class PromisedReplyRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @MockitoBean
    PromisedReplyService service;

    private final RequestPostProcessor desk = as("desk.li", "FRONT_DESK");

    private MvcResult put(String id, Object body, RequestPostProcessor as) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.put("/api/intake/tickets/" + id + "/promised-reply").with(as)
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body))).andReturn();
    }

    private MvcResult promise(String id, Instant replyBy, String source, RequestPostProcessor as) throws Exception {
        return put(id, Map.of("replyBy", replyBy.toString(), "source", source, "note", "engineer checks the wiring diagram"), as);
    }

    private int list(String query, RequestPostProcessor as) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get("/api/intake/promised-replies" + query).with(as)).andReturn()
                .getResponse().getStatus();
    }

    private static List<String> fields(MvcResult result) throws Exception {
        JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
        return body.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    @Test
    @DisplayName("INT-25 SEC-01 bad input names the field (unknown source, missing fields); wrong roles 403; bad paging 400")
    void INT25_badInputAndRoles() throws Exception {
        String id = UUID.randomUUID().toString();
        var unknownSource = promise(id, Instant.now().plusSeconds(3600), "WHENEVER", desk);
        assertThat(unknownSource.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(unknownSource)).containsExactly("source");

        var missing = put(id, Map.of(), desk);
        assertThat(fields(missing)).containsExactlyInAnyOrder("replyBy", "source");

        assertThat(promise(id, Instant.now().plusSeconds(3600), "PROMISED_BY_US", as("tech.north", "TECHNICIAN"))
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(promise(id, Instant.now().plusSeconds(3600), "PROMISED_BY_US", as("mgr.chen", "MANAGER"))
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(list("", as("tech.north", "TECHNICIAN"))).isEqualTo(403);
        assertThat(list("?size=0", desk)).isEqualTo(400);
    }
}
