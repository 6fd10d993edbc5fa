package com.opensvc.aftersales.intake.installedbase;

import static com.opensvc.aftersales.intake.Customers.product;
import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.opensvc.aftersales.testkit.WebSliceTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The installed-product endpoints' request shapes, on a web slice (no platform). */
@WebSliceTest(InstalledProductController.class)
class InstalledProductRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @MockitoBean
    InstalledProductService service;

    private final RequestPostProcessor desk = as("desk.li", "FRONT_DESK");

    private MvcResult post(Object body) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/api/intake/installed-products").with(desk)
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body))).andReturn();
    }

    private static List<String> fields(MvcResult result) throws Exception {
        JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
        return body.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    @Test
    @DisplayName("Bad installed-product input: a future or impossible ship date names shipDate")
    void badShipDateNamesTheField() throws Exception {
        String buyer = UUID.randomUUID().toString();
        Map<String, Object> future = new HashMap<>(product(buyer, "AC-3200", "AC-" + UUID.randomUUID(),
                LocalDate.now().plusDays(5).toString()));
        assertThat(fields(post(future))).containsExactly("shipDate");

        Map<String, Object> badDate = new HashMap<>(product(buyer, "AC-3200", "AC-" + UUID.randomUUID(), "2026-02-30"));
        assertThat(fields(post(badDate))).containsExactly("shipDate");
    }
}
