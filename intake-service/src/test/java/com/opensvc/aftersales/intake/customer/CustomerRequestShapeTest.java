package com.opensvc.aftersales.intake.customer;

import static com.opensvc.aftersales.intake.Customers.customer;
import static com.opensvc.aftersales.intake.Customers.uniquePhone;
import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.opensvc.aftersales.testkit.WebSliceTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The customer endpoints' request shapes and roles, on a web slice (no platform). */
@WebSliceTest(CustomerController.class)
class CustomerRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @MockitoBean
    CustomerService service;

    private final RequestPostProcessor desk = as("desk.li", "FRONT_DESK");
    private final RequestPostProcessor supervisor = as("sup.wang", "SUPERVISOR");

    private MvcResult send(MockHttpServletRequestBuilder request, Object body, RequestPostProcessor as) throws Exception {
        request.with(as);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body));
        }
        return mvc.perform(request).andReturn();
    }

    private MvcResult post(String path, Object body, RequestPostProcessor as) throws Exception {
        return send(MockMvcRequestBuilders.post(path), body, as);
    }

    private MvcResult get(String path, RequestPostProcessor as) throws Exception {
        return send(MockMvcRequestBuilders.get(path), null, as);
    }

    private static List<String> fields(MvcResult result) throws Exception {
        JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
        return body.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    @Test
    @DisplayName("INT-20 only a supervisor or customer manager blocks a customer")
    void INT20_blockingNeedsRole() throws Exception {
        String id = UUID.randomUUID().toString();
        assertThat(post("/api/intake/customers/" + id + "/block", Map.of("reason", "threatened staff"), desk)
                .getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    @DisplayName("Bad customer input gets a problem report naming each field, never a 500")
    void badInputNamesEachField() throws Exception {
        Map<String, Object> bad = new HashMap<>(customer(" ", "not a phone"));
        bad.put("customerClass", "E");
        var wrongEnum = post("/api/intake/customers", bad, desk);
        assertThat(wrongEnum.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(wrongEnum)).containsExactly("customerClass");

        bad.put("customerClass", "A");
        var invalid = post("/api/intake/customers", bad, desk);
        assertThat(invalid.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(invalid)).contains("name", "contacts[0].phone");

        Map<String, Object> noContacts = new HashMap<>(customer("No Contacts", uniquePhone()));
        noContacts.put("contacts", List.of());
        noContacts.put("note", "x".repeat(2001));
        assertThat(fields(post("/api/intake/customers", noContacts, desk))).contains("contacts", "note");

        assertThat(get("/api/intake/customers/not-a-uuid", desk).getResponse().getStatus()).isEqualTo(400);
        var badPage = get("/api/intake/customers?page=-1&size=1000", desk);
        assertThat(badPage.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(get("/api/intake/customers?class=Z", desk))).containsExactly("class");
        assertThat(fields(get("/api/intake/customers?size=abc", desk))).containsExactly("size");
    }

    @Test
    @DisplayName("SEC-05 removing a customer needs the ADMIN permission")
    void SEC05_deleteNeedsAdmin() throws Exception {
        String id = UUID.randomUUID().toString();
        assertThat(send(MockMvcRequestBuilders.delete("/api/intake/customers/" + id), null, supervisor)
                .getResponse().getStatus()).isEqualTo(403);
    }
}
