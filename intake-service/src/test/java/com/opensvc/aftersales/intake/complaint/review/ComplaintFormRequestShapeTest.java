package com.opensvc.aftersales.intake.complaint.review;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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

/** The complaint form review's request shapes and roles, on a web slice (no platform). */
@WebSliceTest(ComplaintFormController.class)
class ComplaintFormRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ComplaintFormReviewService service;

    private final RequestPostProcessor customerManager = as("cm.review", "CUSTOMER_MANAGER");
    private final RequestPostProcessor desk = as("desk.li", "FRONT_DESK");
    private final RequestPostProcessor supervisor = as("sup.wang", "SUPERVISOR");
    private final RequestPostProcessor serviceDirector = as("sd.he", "SERVICE_DIRECTOR");

    private MvcResult post(String id, String step, Object body, RequestPostProcessor as) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/api/intake/tickets/" + id + "/complaint" + step).with(as)
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body))).andReturn();
    }

    private static List<String> fields(MvcResult result) throws Exception {
        JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
        return body.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    @Test
    @DisplayName("INT-26 SEC-01 the desk or customer manager submits, only the supervisor reviews, the faulty counts are not the desk's; unlocking needs the service director and a reason")
    void INT26_rolesAndUnlockReason() throws Exception {
        String id = UUID.randomUUID().toString();
        assertThat(post(id, "/review-submission", Map.of(), as("tech.li", "TECHNICIAN")).getResponse().getStatus()).isEqualTo(403);

        assertThat(post(id, "/form-review", Map.of("outcome", "LOCK"), customerManager).getResponse().getStatus())
                .as("SEC-01 only the supervisor reviews").isEqualTo(403);

        int year = LocalDate.now().getYear();
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/intake/complaint-forms/faulty-counts?year=" + year).with(desk))
                .andReturn().getResponse().getStatus()).isEqualTo(403);

        assertThat(post(id, "/unlock", Map.of("reason", "typo"), supervisor).getResponse().getStatus())
                .as("the reviewer cannot unlock").isEqualTo(403);
        var noReason = post(id, "/unlock", Map.of(), serviceDirector);
        assertThat(noReason.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(noReason)).containsExactly("reason");
    }
}
