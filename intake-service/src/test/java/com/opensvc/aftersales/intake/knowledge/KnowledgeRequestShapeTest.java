package com.opensvc.aftersales.intake.knowledge;

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

/** The knowledge base's and remote resolution's request shapes and roles, on a web slice (no platform). */
@WebSliceTest({KnowledgeController.class, RemoteResolutionController.class})
class KnowledgeRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ARTICLES = "/api/intake/knowledge/articles";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    KnowledgeService service;
    @MockitoBean
    RemoteResolutionService resolutions;

    private final RequestPostProcessor desk = as("desk.li", "FRONT_DESK");
    private final RequestPostProcessor supervisor = as("sup.wang", "SUPERVISOR");
    private final RequestPostProcessor technician = as("tech.north", "TECHNICIAN");

    private MvcResult send(MockHttpServletRequestBuilder request, Object body, RequestPostProcessor as,
                           Map<String, String> headers) throws Exception {
        request.with(as);
        headers.forEach(request::header);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body));
        }
        return mvc.perform(request).andReturn();
    }

    private int get(String path, RequestPostProcessor as) throws Exception {
        return send(MockMvcRequestBuilders.get(path), null, as, Map.of()).getResponse().getStatus();
    }

    private MvcResult post(String path, Object body, RequestPostProcessor as) throws Exception {
        return send(MockMvcRequestBuilders.post(path), body, as, Map.of());
    }

    private static Map<String, Object> article(String title, String symptom, List<String> steps, List<String> keywords,
                                               List<String> models, String line) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("symptom", symptom);
        body.put("solutionSteps", steps);
        body.put("keywords", keywords);
        body.put("productModels", models);
        if (line != null) {
            body.put("productLine", line);
        }
        return body;
    }

    private static List<String> fields(MvcResult result) throws Exception {
        JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
        return body.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    @Test
    @DisplayName("INT-09 SEC-01 roles: desk and technicians read, supervisors/quality/technical director write; others 403")
    void INT09_roles() throws Exception {
        Map<String, Object> body = article("Roles slice", "symptom", List.of("Step."), List.of(), List.of(), null);
        assertThat(get(ARTICLES + "?q=cool", as("store.keeper", "STOREKEEPER"))).isEqualTo(403);
        assertThat(post(ARTICLES, body, technician).getResponse().getStatus()).isEqualTo(403);
        assertThat(post(ARTICLES, body, desk).getResponse().getStatus()).isEqualTo(403);
        UUID id = UUID.randomUUID();
        assertThat(send(MockMvcRequestBuilders.put(ARTICLES + "/" + id), body, desk, Map.of("If-Match", "\"1\""))
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(send(MockMvcRequestBuilders.post(ARTICLES + "/" + id + "/retire"), null, desk, Map.of("If-Match", "\"1\""))
                .getResponse().getStatus()).isEqualTo(403);

        String ticketId = UUID.randomUUID().toString();
        var forbidden = post("/api/intake/tickets/" + ticketId + "/resolve-remotely", Map.of("solution", "x"), technician);
        assertThat(forbidden.getResponse().getStatus()).isEqualTo(403);
        assertThat(post("/api/intake/tickets/" + ticketId + "/resolve-remotely", Map.of("solution", " "),
                as("store.keeper", "STOREKEEPER")).getResponse().getStatus()).as("role before body").isEqualTo(403);
    }

    @Test
    @DisplayName("INT-09 a blank solution is refused naming the field; bad article fields are each named")
    void INT09_badInputNamesTheField() throws Exception {
        String ticketId = UUID.randomUUID().toString();
        var blank = post("/api/intake/tickets/" + ticketId + "/resolve-remotely", Map.of("solution", "  "), desk);
        assertThat(blank.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(blank)).containsExactly("solution");

        var badArticle = post(ARTICLES, Map.of("title", " ", "solutionSteps", List.of()), supervisor);
        assertThat(badArticle.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(badArticle)).contains("title", "symptom", "solutionSteps");
    }
}
