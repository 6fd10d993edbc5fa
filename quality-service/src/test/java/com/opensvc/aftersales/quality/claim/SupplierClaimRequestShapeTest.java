package com.opensvc.aftersales.quality.claim;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
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

import com.opensvc.aftersales.testkit.WebSliceTest;
import com.opensvc.aftersales.web.PageOf;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** QLT-09: the supplier-claim and purchased-component endpoints' roles and request shapes (no platform). */
@WebSliceTest(SupplierClaimController.class)
class SupplierClaimRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CLAIMS = "/api/quality/supplier-claims";
    private static final String COMPONENTS = "/api/quality/purchased-components";
    static final String COMPONENT = """
            {"supplier":"Ningbo Pump Co.","supplierPartNumber":"NP-88","description":"drain pump 220 V"}""";
    static final String RAISE = """
            {"defectId":"5a9e1c47-d2b8-4a36-b0f5-7e3c8d1a92b6","partNumber":"PUMP-220V"}""";
    static final String SUBMISSION = """
            {"reference":"NP-CL-2026-7"}""";
    static final String DECISION = """
            {"accepted":true,"note":"supplier accepts"}""";
    static final String SETTLEMENT = """
            {"recoveredAmount":486.50,"currency":"CNY"}""";
    static final String CLOSE = """
            {"note":"withdrawn"}""";

    /** Roles with no business in supplier claims. */
    private static final List<String> OUTSIDERS = List.of("FRONT_DESK", "TECHNICIAN", "SUPERVISOR", "STOREKEEPER",
            "REVISIT_AGENT", "SERVICE_DIRECTOR", "CUSTOMER_MANAGER", "ADMIN");

    @Autowired
    MockMvc mvc;
    @MockitoBean
    SupplierClaimService service;
    @MockitoBean
    SupplierClaimRepository claims;
    @MockitoBean
    PurchasedComponentRepository components;

    private static MockHttpServletRequestBuilder post(String path, String json) {
        return MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    private static MockHttpServletRequestBuilder put(String path, String json) {
        return MockMvcRequestBuilders.put(path).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private MvcResult asQuality(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(as("qe.sun", "QUALITY"))).andReturn();
    }

    private static List<String> fields(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(400);
        JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
        return body.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    private static String claim(UUID id) {
        return CLAIMS + "/" + id;
    }

    private static SupplierClaimDetails details(UUID id) {
        return new SupplierClaimDetails(SupplierClaim.builder().id(id).claimNumber("SC-2026-00001")
                .state(SupplierClaimState.OPEN).raisedBy("qe.sun").raisedAt(Instant.EPOCH).build(), List.of());
    }

    @Test
    @DisplayName("QLT-09 SEC-01 no token → 401 on every supplier-claim endpoint")
    void SEC01_noToken() throws Exception {
        UUID id = UUID.randomUUID();
        assertThat(status(MockMvcRequestBuilders.get(CLAIMS))).isEqualTo(401);
        assertThat(status(MockMvcRequestBuilders.get(claim(id)))).isEqualTo(401);
        assertThat(status(post(CLAIMS, RAISE))).isEqualTo(401);
        assertThat(status(post(claim(id) + "/submission", SUBMISSION))).isEqualTo(401);
        assertThat(status(MockMvcRequestBuilders.get(COMPONENTS))).isEqualTo(401);
        assertThat(status(put(COMPONENTS + "/PUMP-220V", COMPONENT))).isEqualTo(401);
    }

    @Test
    @DisplayName("QLT-09 SEC-01 front desk, technician, supervisor, storekeeper, revisit agent, service director, customer manager, admin → 403 everywhere")
    void QLT09_outsidersAreRefused() throws Exception {
        UUID id = UUID.randomUUID();
        for (String role : OUTSIDERS) {
            assertThat(status(MockMvcRequestBuilders.get(CLAIMS).with(as("someone", role)))).as(role).isEqualTo(403);
            assertThat(status(MockMvcRequestBuilders.get(claim(id)).with(as("someone", role)))).as(role).isEqualTo(403);
            assertThat(status(post(CLAIMS, RAISE).with(as("someone", role)))).as(role).isEqualTo(403);
            assertThat(status(post(claim(id) + "/submission", SUBMISSION).with(as("someone", role)))).as(role).isEqualTo(403);
            assertThat(status(post(claim(id) + "/decision", DECISION).with(as("someone", role)))).as(role).isEqualTo(403);
            assertThat(status(post(claim(id) + "/settlement", SETTLEMENT).with(as("someone", role)))).as(role).isEqualTo(403);
            assertThat(status(post(claim(id) + "/close", CLOSE).with(as("someone", role)))).as(role).isEqualTo(403);
            assertThat(status(MockMvcRequestBuilders.get(COMPONENTS).with(as("someone", role)))).as(role).isEqualTo(403);
            assertThat(status(put(COMPONENTS + "/PUMP-220V", COMPONENT).with(as("someone", role)))).as(role).isEqualTo(403);
        }
        verifyNoInteractions(service, claims, components);
    }

    @Test
    @DisplayName("QLT-09 SEC-01 finance, technical director and general manager read claims; quality or a manager records purchasing's steps; only quality raises and registers components")
    void QLT09_readersAndWriters() throws Exception {
        UUID id = UUID.randomUUID();
        when(claims.search(any(), any(), any(), any())).thenReturn(new PageOf<>(List.of(), 0, 20, 0));
        when(components.search(any(), any())).thenReturn(new PageOf<>(List.of(), 0, 20, 0));
        when(service.details(id)).thenReturn(details(id));
        for (String role : List.of("FINANCE", "TECHNICAL_DIRECTOR", "GENERAL_MANAGER")) {
            assertThat(status(MockMvcRequestBuilders.get(CLAIMS).with(as("reader", role)))).as(role).isEqualTo(200);
            assertThat(status(MockMvcRequestBuilders.get(claim(id)).with(as("reader", role)))).as(role).isEqualTo(200);
            assertThat(status(post(CLAIMS, RAISE).with(as("reader", role)))).as(role).isEqualTo(403);
            assertThat(status(post(claim(id) + "/submission", SUBMISSION).with(as("reader", role)))).as(role).isEqualTo(403);
            assertThat(status(post(claim(id) + "/settlement", SETTLEMENT).with(as("reader", role)))).as(role).isEqualTo(403);
            assertThat(status(put(COMPONENTS + "/PUMP-220V", COMPONENT).with(as("reader", role)))).as(role).isEqualTo(403);
        }
        assertThat(status(MockMvcRequestBuilders.get(COMPONENTS).with(as("fin.he", "FINANCE")))).isEqualTo(200);
        assertThat(status(MockMvcRequestBuilders.get(COMPONENTS).with(as("td.gao", "TECHNICAL_DIRECTOR")))).isEqualTo(200);
        assertThat(status(MockMvcRequestBuilders.get(COMPONENTS).with(as("gm.lin", "GENERAL_MANAGER")))).isEqualTo(403);
        assertThat(status(post(CLAIMS, RAISE).with(as("mgr.wu", "MANAGER")))).isEqualTo(403);
        assertThat(status(put(COMPONENTS + "/PUMP-220V", COMPONENT).with(as("mgr.wu", "MANAGER")))).isEqualTo(403);

        when(service.submit(eq(id), any(), any())).thenReturn(details(id));
        when(service.decide(eq(id), anyBoolean(), any(), any())).thenReturn(details(id));
        when(service.settle(eq(id), any(), any(), any())).thenReturn(details(id));
        when(service.close(eq(id), any(), any())).thenReturn(details(id));
        for (String role : List.of("QUALITY", "MANAGER")) {
            assertThat(status(post(claim(id) + "/submission", SUBMISSION).with(as("w", role)))).as(role).isEqualTo(200);
            assertThat(status(post(claim(id) + "/decision", DECISION).with(as("w", role)))).as(role).isEqualTo(200);
            assertThat(status(post(claim(id) + "/settlement", SETTLEMENT).with(as("w", role)))).as(role).isEqualTo(200);
            assertThat(status(post(claim(id) + "/close", CLOSE).with(as("w", role)))).as(role).isEqualTo(200);
        }
        when(service.raiseByHand(any(), any())).thenReturn(new SupplierClaimService.Raised(details(id), true));
        MvcResult created = asQuality(post(CLAIMS, RAISE));
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        assertThat(created.getResponse().getHeader("Location")).isEqualTo(claim(id));
        assertThat(JSON.readTree(created.getResponse().getContentAsString()).get("claimNumber").asString())
                .isEqualTo("SC-2026-00001");
        when(service.putComponent(eq("PUMP-220V"), any(), any(), any())).thenReturn(
                new PurchasedComponent("PUMP-220V", "Ningbo Pump Co.", "NP-88", null, "qe.sun", Instant.EPOCH, 2));
        MvcResult put = asQuality(put(COMPONENTS + "/PUMP-220V", COMPONENT));
        assertThat(put.getResponse().getStatus()).isEqualTo(200);
        assertThat(put.getResponse().getHeader("ETag")).isEqualTo("\"2\"");
    }

    @Test
    @DisplayName("QLT-09 bad input → 400 naming each field: component, raise, submission, decision, settlement, close, list parameters")
    void QLT09_badInputNamesFields() throws Exception {
        String c = claim(UUID.randomUUID());
        assertThat(fields(asQuality(put(COMPONENTS + "/PUMP-220V", "{}")))).containsExactly("supplier");
        assertThat(fields(asQuality(put(COMPONENTS + "/PUMP-220V", COMPONENT.replace("Ningbo Pump Co.", "x".repeat(201))))))
                .containsExactly("supplier");
        assertThat(fields(asQuality(put(COMPONENTS + "/bad part", COMPONENT)))).containsExactly("partNumber");
        assertThat(fields(asQuality(put(COMPONENTS + "/PUMP-220V", COMPONENT).header("If-Match", "three"))))
                .containsExactly("If-Match");
        assertThat(fields(asQuality(post(CLAIMS, "{}")))).containsExactlyInAnyOrder("defectId", "partNumber");
        assertThat(fields(asQuality(post(CLAIMS, RAISE.replace("5a9e1c47-d2b8-4a36-b0f5-7e3c8d1a92b6", "x")))))
                .containsExactly("defectId");
        assertThat(fields(asQuality(post(c + "/submission", "{\"reference\":\" \"}")))).containsExactly("reference");
        assertThat(fields(asQuality(post(c + "/decision", "{\"note\":\"x\"}")))).containsExactly("accepted");
        assertThat(fields(asQuality(post(c + "/decision", "{\"accepted\":\"maybe\"}")))).containsExactly("accepted");
        assertThat(fields(asQuality(post(c + "/settlement", "{}")))).containsExactlyInAnyOrder("recoveredAmount", "currency");
        assertThat(fields(asQuality(post(c + "/settlement", SETTLEMENT.replace("486.50", "0")))))
                .containsExactly("recoveredAmount");
        assertThat(fields(asQuality(post(c + "/settlement", SETTLEMENT.replace("486.50", "-3")))))
                .containsExactly("recoveredAmount");
        assertThat(fields(asQuality(post(c + "/settlement", SETTLEMENT.replace("486.50", "4.505")))))
                .containsExactly("recoveredAmount");
        assertThat(fields(asQuality(post(c + "/settlement", SETTLEMENT.replace("486.50", "\"lots\"")))))
                .containsExactly("recoveredAmount");
        assertThat(fields(asQuality(post(c + "/settlement", SETTLEMENT.replace("CNY", "USD"))))).containsExactly("currency");
        assertThat(fields(asQuality(post(c + "/close", "{}")))).containsExactly("note");
        assertThat(fields(asQuality(post(CLAIMS + "/not-a-uuid/close", CLOSE)))).containsExactly("id");
        assertThat(fields(asQuality(MockMvcRequestBuilders.get(CLAIMS + "?state=PAID")))).containsExactly("state");
        assertThat(fields(asQuality(MockMvcRequestBuilders.get(CLAIMS + "?size=0")))).containsExactly("size");
        assertThat(fields(asQuality(MockMvcRequestBuilders.get(COMPONENTS + "?page=-1")))).containsExactly("page");
        verifyNoInteractions(service, claims, components);
    }
}
