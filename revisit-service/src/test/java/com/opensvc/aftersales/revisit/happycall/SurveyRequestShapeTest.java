package com.opensvc.aftersales.revisit.happycall;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.LinkedHashMap;
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

/** REV-04: the survey is validated in full, for a new outcome and for a correction, naming each bad field. */
@WebSliceTest({RevisitController.class, RevisitCorrectionController.class})
class SurveyRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] FIELDS = {"serviceQuality", "technicalSkill", "chargeReasonable", "punctuality",
            "overall"};

    @Autowired
    MockMvc mvc;
    @MockitoBean
    RevisitService service;
    @MockitoBean
    RevisitRepository revisits;
    @MockitoBean
    RevisitCorrections corrections;

    private final RequestPostProcessor agent = as("agent.he", "REVISIT_AGENT");

    private static Map<String, Object> answers() {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("serviceQuality", "SATISFIED");
        answers.put("technicalSkill", "VERY_SATISFIED");
        answers.put("chargeReasonable", true);
        answers.put("punctuality", "NEUTRAL");
        answers.put("overall", "SATISFIED");
        answers.put("comment", "polite and quick");
        return answers;
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> answers = answers();
        answers.put(field, value);
        return answers;
    }

    private MvcResult send(MockHttpServletRequestBuilder request, Object body, RequestPostProcessor as) throws Exception {
        request.contentType(MediaType.APPLICATION_JSON)
                .content(body instanceof String s ? s : JSON.writeValueAsString(body));
        return mvc.perform(as == null ? request : request.with(as)).andReturn();
    }

    private MvcResult outcome(Object body, RequestPostProcessor as) throws Exception {
        return send(MockMvcRequestBuilders.post("/api/revisit/revisits/" + UUID.randomUUID() + "/outcome"), body, as);
    }

    private MvcResult correction(Object body, RequestPostProcessor as) throws Exception {
        return send(MockMvcRequestBuilders.put("/api/revisit/revisits/" + UUID.randomUUID() + "/survey")
                .header("If-Match", "\"1\""), body, as);
    }

    private static List<String> fields(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(400);
        JsonNode problem = JSON.readTree(result.getResponse().getContentAsString());
        return problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    private void refusedNaming(Object body, String... named) throws Exception {
        assertThat(fields(outcome(body, agent))).as("outcome " + body).containsExactlyInAnyOrder(named);
        assertThat(fields(correction(body, agent))).as("correction " + body).containsExactlyInAnyOrder(named);
    }

    @Test
    @DisplayName("REV-04 each missing or null answer is refused naming it; the comment is optional")
    void REV04_eachAnswerIsRequired() throws Exception {
        for (String field : FIELDS) {
            Map<String, Object> missing = answers();
            missing.remove(field);
            refusedNaming(missing, field);
            refusedNaming(with(field, null), field);
        }
        Map<String, Object> none = answers();
        List.of(FIELDS).forEach(none::remove);
        refusedNaming(none, FIELDS);
        Map<String, Object> noComment = answers();
        noComment.remove("comment");
        assertThat(outcome(noComment, agent).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    @DisplayName("REV-04 an answer off the four-point scale, a number for a scale, or a wrong JSON type is refused naming it")
    void REV04_wrongValuesAndTypes() throws Exception {
        for (String scale : new String[]{"serviceQuality", "technicalSkill", "punctuality", "overall"}) {
            refusedNaming(with(scale, "DELIGHTED"), scale);
            refusedNaming(with(scale, "satisfied"), scale);
            refusedNaming(with(scale, 1), scale);
            refusedNaming(with(scale, true), scale);
            refusedNaming(with(scale, List.of("SATISFIED")), scale);
            refusedNaming(with(scale, Map.of("value", "SATISFIED")), scale);
        }
        refusedNaming(with("chargeReasonable", "perhaps"), "chargeReasonable");
        refusedNaming(with("chargeReasonable", "true"), "chargeReasonable");
        refusedNaming(with("chargeReasonable", 1), "chargeReasonable");
        refusedNaming(with("chargeReasonable", List.of(true)), "chargeReasonable");
        refusedNaming(with("comment", List.of("a")), "comment");
        refusedNaming(with("comment", Map.of("text", "a")), "comment");
    }

    @Test
    @DisplayName("REV-04 a comment over 2000 characters, or with NUL or other control characters, is refused naming it")
    void REV04_badComment() throws Exception {
        refusedNaming(with("comment", "x".repeat(2001)), "comment");
        for (String bad : new String[]{"a\u0000b", "a\u0007b", "a\u007Fb", "a\u0085b", "a\u202Eb"}) {
            refusedNaming(with("comment", bad), "comment");
        }
        // tabs and line breaks are text
        assertThat(outcome(with("comment", "line one\nline two\tend"), agent).getResponse().getStatus()).isEqualTo(200);
        assertThat(outcome(with("comment", "很满意，师傅很专业"), agent).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    @DisplayName("REV-04 a body that is not an object, or malformed JSON, is refused")
    void REV04_badBodies() throws Exception {
        for (String body : new String[]{"{not json", "[]", "\"SATISFIED\"", ""}) {
            assertThat(outcome(body, agent).getResponse().getStatus()).as(body).isEqualTo(400);
            assertThat(correction(body, agent).getResponse().getStatus()).as(body).isEqualTo(400);
        }
        verify(service, never()).recordOutcome(any(), any(), anyString());
        verifyNoInteractions(corrections);
    }

    @Test
    @DisplayName("INT-26 a correction needs If-Match: missing → 428, malformed → 400 naming If-Match; the version goes to the service")
    void INT26_correctionNeedsIfMatch() throws Exception {
        UUID id = UUID.randomUUID();
        when(corrections.correctSurvey(any(), any(), anyInt(), anyString())).thenReturn(new Revisit(id, UUID.randomUUID(),
                UUID.randomUUID(), null, "tech.north", "HAPPY_CALL", Selection.SAMPLED, RevisitState.COMPLETED, null,
                null, null, null, null, Satisfaction.SATISFIED, null, "agent.he", null, 0, null, 5));
        var missing = send(MockMvcRequestBuilders.put("/api/revisit/revisits/" + id + "/survey"), answers(), agent);
        assertThat(missing.getResponse().getStatus()).isEqualTo(428);
        var malformed = send(MockMvcRequestBuilders.put("/api/revisit/revisits/" + id + "/survey")
                .header("If-Match", "\"one\""), answers(), agent);
        assertThat(fields(malformed)).containsExactly("If-Match");
        verifyNoInteractions(corrections);
        send(MockMvcRequestBuilders.put("/api/revisit/revisits/" + id + "/survey").header("If-Match", "\"4\""),
                answers(), agent);
        verify(corrections).correctSurvey(eq(id), any(SurveyAnswers.class), eq(4), eq("agent.he"));
    }

    @Test
    @DisplayName("REV-04 a refused answer says what it must be, in plain words")
    void REV04_messageSaysWhatItMustBe() throws Exception {
        var response = outcome(with("overall", 1), agent);
        assertThat(response.getResponse().getStatus()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.getResponse().getContentAsString()).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("overall");
        assertThat(error.get("message").asString()).contains("VERY_SATISFIED", "DISSATISFIED");
        var notBoolean = outcome(with("chargeReasonable", "yes"), agent);
        assertThat(JSON.readTree(notBoolean.getResponse().getContentAsString()).get("errors").get(0).get("field")
                .asString()).isEqualTo("chargeReasonable");
    }

    @Test
    @DisplayName("SEC-01 INT-26 only a revisit agent corrects a survey: no token 401, every other role 403 before the body is read")
    void SEC01_correctionRoles() throws Exception {
        assertThat(correction(answers(), null).getResponse().getStatus()).isEqualTo(401);
        for (String role : new String[]{"TECHNICIAN", "SUPERVISOR", "MANAGER", "SERVICE_DIRECTOR", "FRONT_DESK",
                "QUALITY", "ADMIN"}) {
            assertThat(correction(answers(), as("someone", role)).getResponse().getStatus()).as(role).isEqualTo(403);
            // the role check comes first: a bad body from the wrong role is still 403
            assertThat(correction("{not json", as("someone", role)).getResponse().getStatus()).as(role).isEqualTo(403);
        }
        verify(corrections, never()).correctSurvey(any(), any(), anyInt(), anyString());
    }
}
