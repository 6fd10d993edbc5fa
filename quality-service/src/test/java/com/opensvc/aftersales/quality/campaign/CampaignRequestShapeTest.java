package com.opensvc.aftersales.quality.campaign;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.opensvc.aftersales.testkit.WebSliceTest;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** QLT-08: the campaign endpoints' roles and request shapes, on a web slice (no platform). */
@WebSliceTest(CampaignController.class)
class CampaignRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BASE = "/api/quality/campaigns";
    static final String LAUNCH = """
            {"productModel":"AC-3200","serialFrom":"AC32-2509-000000","serialTo":"AC32-2510-999999",
             "factoryDateFrom":"2025-09-01","factoryDateTo":"2025-10-31",
             "description":"Capacitor C12 of the outdoor unit may overheat","actionToTake":"Replace capacitor C12 on site",
             "contactWithinHours":24,"improvementReportId":"9e4b1d72-5a3c-4f08-b6e1-2c7d9a0f5e34"}""";
    static final String CLOSE = """
            {"summary":"All 1842 customers reached; 1790 capacitors replaced"}""";

    /** Roles that do not even read campaigns. */
    private static final List<String> OUTSIDERS = List.of("TECHNICIAN", "STOREKEEPER", "REVISIT_AGENT", "FINANCE",
            "ADMIN");
    /** Readers who neither launch nor close. */
    private static final List<String> READ_ONLY = List.of("MANAGER", "TECHNICAL_DIRECTOR", "SERVICE_DIRECTOR",
            "GENERAL_MANAGER", "CUSTOMER_MANAGER", "SUPERVISOR", "FRONT_DESK");

    @Autowired
    MockMvc mvc;
    @MockitoBean
    CampaignService service;

    private MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn();
    }

    private static MockHttpServletRequestBuilder post(String path, String json) {
        return MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        return perform(request).getResponse().getStatus();
    }

    private MvcResult asQuality(MockHttpServletRequestBuilder request) throws Exception {
        return perform(request.with(as("qe.sun", "QUALITY")));
    }

    private static List<String> fields(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(400);
        JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
        return body.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    private static CampaignDetails details(UUID id) {
        return new CampaignDetails(Campaign.builder().id(id).number("QC-2026-007").productModel("AC-3200")
                .serialFrom("AC32-2509-000000").description("Capacitor C12 may overheat").contactWithinHours(24)
                .state(CampaignState.LAUNCHED).launchedBy("qe.sun").launchedAt(Instant.EPOCH)
                .outreachDueBy(Instant.EPOCH.plusSeconds(86_400)).version(1).build(), false, 0);
    }

    @Test
    @DisplayName("QLT-08 SEC-01 no token → 401 on every campaign endpoint")
    void SEC01_noToken() throws Exception {
        UUID id = UUID.randomUUID();
        assertThat(status(MockMvcRequestBuilders.get(BASE))).isEqualTo(401);
        assertThat(status(MockMvcRequestBuilders.get(BASE + "/" + id))).isEqualTo(401);
        assertThat(status(post(BASE, LAUNCH))).isEqualTo(401);
        assertThat(status(post(BASE + "/" + id + "/close", CLOSE))).isEqualTo(401);
    }

    @Test
    @DisplayName("QLT-08 SEC-01 technician, storekeeper, revisit agent, finance, admin → 403 everywhere, before the body is read")
    void QLT08_outsidersAreRefused() throws Exception {
        UUID id = UUID.randomUUID();
        for (String role : OUTSIDERS) {
            assertThat(status(MockMvcRequestBuilders.get(BASE).with(as("someone", role)))).as(role).isEqualTo(403);
            assertThat(status(MockMvcRequestBuilders.get(BASE + "/" + id).with(as("someone", role)))).as(role)
                    .isEqualTo(403);
            assertThat(status(post(BASE, "{}").with(as("someone", role)))).as(role).isEqualTo(403);
            assertThat(status(post(BASE + "/" + id + "/close", "{}").with(as("someone", role)))).as(role)
                    .isEqualTo(403);
        }
        verifyNoInteractions(service);
    }

    @Test
    @DisplayName("QLT-08 SEC-01 management, directors, customer managers, supervisors and the front desk read; only quality launches (201, Location) and closes")
    void QLT08_readersAndWriters() throws Exception {
        UUID id = UUID.randomUUID();
        when(service.search(any(), any(), any(), any())).thenReturn(new PageOf<>(List.of(details(id)), 0, 20, 1));
        when(service.details(id)).thenReturn(details(id));
        for (String role : READ_ONLY) {
            assertThat(status(MockMvcRequestBuilders.get(BASE).with(as("reader", role)))).as(role).isEqualTo(200);
            assertThat(status(MockMvcRequestBuilders.get(BASE + "/" + id).with(as("reader", role)))).as(role)
                    .isEqualTo(200);
            assertThat(status(post(BASE, LAUNCH).with(as("reader", role)))).as(role).isEqualTo(403);
            assertThat(status(post(BASE + "/" + id + "/close", CLOSE).with(as("reader", role)))).as(role)
                    .isEqualTo(403);
        }
        when(service.launch(any(), any(), any())).thenReturn(new CampaignService.Launched(details(id), true));
        MvcResult created = asQuality(post(BASE, LAUNCH).header("Idempotency-Key", "qc-1"));
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        assertThat(created.getResponse().getHeader("Location")).isEqualTo(BASE + "/" + id);
        JsonNode body = JSON.readTree(created.getResponse().getContentAsString());
        assertThat(body.get("id").asString()).as("the campaign's fields at the top level").isEqualTo(id.toString());
        assertThat(body.get("number").asString()).isEqualTo("QC-2026-007");
        assertThat(body.get("overdue").asBoolean()).isFalse();
        ArgumentCaptor<LaunchCampaignRequest> launched = ArgumentCaptor.forClass(LaunchCampaignRequest.class);
        verify(service).launch(launched.capture(), eq("qc-1"), eq("qe.sun"));
        assertThat(launched.getValue().factoryDateFrom()).isEqualTo(LocalDate.of(2025, 9, 1));
        assertThat(launched.getValue().contactWithinHours()).isEqualTo(24);

        when(service.launch(any(), any(), any())).thenReturn(new CampaignService.Launched(details(id), false));
        assertThat(asQuality(post(BASE, LAUNCH).header("Idempotency-Key", "qc-1")).getResponse().getStatus())
                .as("the same key again: the same campaign, not created").isEqualTo(200);
        when(service.close(eq(id), any(), any())).thenReturn(details(id));
        assertThat(asQuality(post(BASE + "/" + id + "/close", CLOSE)).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    @DisplayName("QLT-08 launching: missing model or description, no range at all, an inverted range → 400 naming the field, as intake would read the event")
    void QLT08_launchNamesBadFields() throws Exception {
        assertThat(fields(asQuality(post(BASE, "{}")))).containsExactlyInAnyOrder("productModel", "description");
        String noRange = """
                {"productModel":"AC-3200","description":"Capacitor C12 may overheat"}""";
        assertThat(fields(asQuality(post(BASE, noRange)))).containsExactly("serialFrom");
        String blankRange = """
                {"productModel":"AC-3200","description":"Capacitor C12 may overheat","serialFrom":"  ","serialTo":""}""";
        assertThat(fields(asQuality(post(BASE, blankRange)))).as("a blank serial is no bound").containsExactly("serialFrom");
        assertThat(fields(asQuality(post(BASE, LAUNCH.replace("\"AC32-2509-000000\"", "\"AC32-2511-000000\"")))))
                .containsExactly("serialFrom");
        assertThat(fields(asQuality(post(BASE, LAUNCH.replace("2025-09-01", "2025-11-01")))))
                .containsExactly("factoryDateFrom");
        assertThat(fields(asQuality(post(BASE, LAUNCH.replace("2025-10-31", "2025-10-32")))))
                .containsExactly("factoryDateTo");
        verifyNoInteractions(service);
    }

    @Test
    @DisplayName("QLT-08 INT-17 launching: a contact window outside 1–720 hours or fractional, a bad report id, control characters, a long key → 400 naming the field")
    void QLT08_launchNamesBadValues() throws Exception {
        for (String hours : List.of("0", "721", "-1", "1.5", "\"soon\"")) {
            assertThat(fields(asQuality(post(BASE, LAUNCH.replace("\"contactWithinHours\":24", "\"contactWithinHours\":" + hours)))))
                    .as(hours).containsExactly("contactWithinHours");
        }
        assertThat(fields(asQuality(post(BASE, LAUNCH.replace("9e4b1d72-5a3c-4f08-b6e1-2c7d9a0f5e34", "report-1")))))
                .containsExactly("improvementReportId");
        assertThat(fields(asQuality(post(BASE, LAUNCH.replace("AC-3200", "AC\\u202E3200"))))).containsExactly("productModel");
        assertThat(fields(asQuality(post(BASE, LAUNCH.replace("AC32-2510-999999", "AC32\\n2510"))))).containsExactly("serialTo");
        assertThat(fields(asQuality(post(BASE, LAUNCH.replace("Capacitor", "\\u0000Capacitor"))))).containsExactly("description");
        assertThat(fields(asQuality(post(BASE, LAUNCH.replace("AC-3200", "M".repeat(101)))))).containsExactly("productModel");
        assertThat(fields(asQuality(post(BASE, LAUNCH).header("Idempotency-Key", "k".repeat(201)))))
                .containsExactly("Idempotency-Key");
        assertThat(fields(asQuality(post(BASE, "{\"productModel\":")))).containsExactly("body");
        verifyNoInteractions(service);
    }

    @Test
    @DisplayName("QLT-08 closing needs a summary; the list refuses an unknown state, a non-boolean overdue, bad paging → 400 naming it")
    void QLT08_closeAndListNameBadInput() throws Exception {
        UUID id = UUID.randomUUID();
        assertThat(fields(asQuality(post(BASE + "/" + id + "/close", "{}")))).containsExactly("summary");
        assertThat(fields(asQuality(post(BASE + "/" + id + "/close", "{\"summary\":\"  \"}")))).containsExactly("summary");
        assertThat(fields(asQuality(post(BASE + "/not-a-uuid/close", CLOSE)))).containsExactly("id");
        assertThat(fields(asQuality(MockMvcRequestBuilders.get(BASE + "?state=OPEN")))).containsExactly("state");
        assertThat(fields(asQuality(MockMvcRequestBuilders.get(BASE + "?overdue=maybe")))).containsExactly("overdue");
        assertThat(fields(asQuality(MockMvcRequestBuilders.get(BASE + "?size=201")))).containsExactly("size");
        assertThat(fields(asQuality(MockMvcRequestBuilders.get(BASE + "?page=-1")))).containsExactly("page");
        verifyNoInteractions(service);
        when(service.search(any(), any(), any(), any())).thenReturn(new PageOf<>(List.of(), 0, 50, 0));
        assertThat(perform(MockMvcRequestBuilders.get(BASE + "?state=LAUNCHED&productModel=AC-3200&overdue=true&size=50")
                .with(as("desk.li", "FRONT_DESK"))).getResponse().getStatus()).isEqualTo(200);
        verify(service).search(CampaignState.LAUNCHED, "AC-3200", true, new Paging(0, 50));
    }
}
