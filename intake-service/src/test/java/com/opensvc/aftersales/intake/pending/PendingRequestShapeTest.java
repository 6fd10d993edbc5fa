package com.opensvc.aftersales.intake.pending;

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

import com.opensvc.aftersales.intake.Tickets;
import com.opensvc.aftersales.testkit.WebSliceTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The pending-item endpoints' request shapes and roles, on a web slice (no platform). */
@WebSliceTest(PendingController.class)
class PendingRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @MockitoBean
    PendingService service;
    @MockitoBean
    PendingLedger ledger;

    private final RequestPostProcessor desk = as("desk.li", "FRONT_DESK");
    private final RequestPostProcessor manager = as("mgr.chen", "MANAGER");
    private final RequestPostProcessor customerManager = as("cm.slice", "CUSTOMER_MANAGER");

    private static LocalDate today() {
        return Tickets.today();
    }

    private static Map<String, Object> proposal(String reason, LocalDate customerDate) {
        return Map.of("reason", reason, "explanation", "compressor from the supplier is three weeks late",
                "customerDate", customerDate.toString());
    }

    private MvcResult post(String path, Object body, RequestPostProcessor as) throws Exception {
        var request = MockMvcRequestBuilders.post(path).with(as);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body));
        }
        return mvc.perform(request).andReturn();
    }

    private MvcResult get(String path, RequestPostProcessor as) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).with(as)).andReturn();
    }

    private MvcResult approve(String ticketId, String proposalId, RequestPostProcessor as) throws Exception {
        return post("/api/intake/tickets/" + ticketId + "/pending-proposals/" + proposalId + "/approve", null, as);
    }

    private static List<String> fields(MvcResult result) throws Exception {
        JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
        return body.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    @Test
    @DisplayName("INT-14 SEC-01 roles: only the customer manager proposes, only a manager approves or declines, resume by CM or supervisor")
    void INT14_wrongRolesAre403() throws Exception {
        String id = UUID.randomUUID().toString();
        assertThat(post("/api/intake/tickets/" + id + "/pending-proposals", proposal("CUSTOMER_ABSENT", today()), desk)
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(post("/api/intake/tickets/" + id + "/pending-proposals", Map.of("reason", "NOPE"),
                as("tech.north", "TECHNICIAN")).getResponse().getStatus()).as("role before body").isEqualTo(403);
        String proposalId = UUID.randomUUID().toString();
        assertThat(approve(id, proposalId, customerManager).getResponse().getStatus()).isEqualTo(403);
        assertThat(approve(id, proposalId, as("sup.wang", "SUPERVISOR")).getResponse().getStatus()).isEqualTo(403);
        assertThat(post("/api/intake/tickets/" + id + "/pending-proposals/" + proposalId + "/decline",
                Map.of("reason", "no"), desk).getResponse().getStatus()).isEqualTo(403);
        assertThat(post("/api/intake/tickets/" + id + "/resume", null, desk).getResponse().getStatus()).isEqualTo(403);
        assertThat(get("/api/intake/pending-items", as("tech.north", "TECHNICIAN")).getResponse().getStatus()).isEqualTo(403);
        assertThat(post("/api/intake/pending-items/contact-round/contacts", Map.of(), manager).getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    @DisplayName("INT-14 bad input names each field: unknown reason, blank explanation, missing fields, unknown ledger state")
    void INT14_badInputNamesFields() throws Exception {
        String id = UUID.randomUUID().toString();
        var blank = post("/api/intake/tickets/" + id + "/pending-proposals",
                Map.of("reason", "PARTS_DELAYED", "explanation", " ", "customerDate", today().toString()), customerManager);
        assertThat(blank.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(blank)).containsExactly("explanation");

        var unknownReason = post("/api/intake/tickets/" + id + "/pending-proposals",
                proposal("ALIENS", today()), customerManager);
        assertThat(unknownReason.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(unknownReason)).containsExactly("reason");

        var missing = post("/api/intake/tickets/" + id + "/pending-proposals", Map.of(), customerManager);
        assertThat(missing.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(missing)).containsExactlyInAnyOrder("reason", "explanation", "customerDate");

        assertThat(fields(get("/api/intake/pending-items?state=LOST", customerManager))).containsExactly("state");
    }
}
