package com.opensvc.aftersales.dispatch.installation;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;

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

import com.opensvc.aftersales.testkit.WebSliceTest;

import tools.jackson.databind.json.JsonMapper;

/** DSP-11 installation endpoints' request shapes and roles, on a web slice (no platform). */
@WebSliceTest(InstallationController.class)
class InstallationRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BASE = "/api/dispatch/installation-projects";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    InstallationService service;

    private MvcResult post(String path, Object body, String subject, String... roles) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post(path).with(as(subject, roles))
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body))).andReturn();
    }

    private static List<String> fields(MvcResult result) throws Exception {
        return JSON.readTree(result.getResponse().getContentAsString()).get("errors").valueStream()
                .map(e -> e.get("field").asString()).toList();
    }

    @Test
    @DisplayName("DSP-11 SEC-01 who notifies and who works a project: front desk, quality, a storekeeper → 403")
    void DSP11_roles() throws Exception {
        assertThat(post(BASE, Map.of(), "desk.li", "FRONT_DESK").getResponse().getStatus()).isEqualTo(403);
        String id = BASE + "/" + UUID.randomUUID();
        assertThat(post(id + "/entry-review/items/SAFETY", Map.of("result", "OK"), "qa.chen", "QUALITY")
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(post(id + "/start", Map.of(), "cm.wang", "CUSTOMER_MANAGER").getResponse().getStatus()).isEqualTo(403);
        assertThat(post(id + "/problems", Map.of(), "store.wu", "STOREKEEPER").getResponse().getStatus()).isEqualTo(403);
        verifyNoInteractions(service);
    }

    @Test
    @DisplayName("DSP-11 a notice, a check, a problem and a signature with bad facts are refused naming each field")
    void DSP11_badRequestsNameFields() throws Exception {
        var notice = post(BASE, Map.of("quantity", 1.5, "plannedStart", "2026-13-01"), "cm.wang", "CUSTOMER_MANAGER");
        assertThat(notice.getResponse().getStatus()).isEqualTo(400);
        String id = BASE + "/" + UUID.randomUUID();
        var check = post(id + "/entry-review/items/SAFETY", Map.of("result", "MAYBE"), "sup.zhao", "SUPERVISOR");
        assertThat(check.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(check)).contains("result");
        var item = post(id + "/entry-review/items/bad-item", Map.of("result", "OK"), "sup.zhao", "SUPERVISOR");
        assertThat(item.getResponse().getStatus()).isEqualTo(400);
        var problem = post(id + "/problems", Map.of(), "sup.zhao", "SUPERVISOR");
        assertThat(fields(problem)).contains("description", "category", "severity");
        var signature = post(id + "/problems/" + UUID.randomUUID() + "/signature", Map.of(), "sup.zhao", "SUPERVISOR");
        assertThat(fields(signature)).contains("signedBy", "signerRole");
        verifyNoInteractions(service);
    }

    @Test
    @DisplayName("DSP-11 a signature is a base64 PNG or a confirmation code, exactly one")
    void DSP11_signatureIsPngOrCode() {
        assertThat(InstallationService.signature(null, "4711").confirmation())
                .isEqualTo(InstallationProject.Confirmation.CODE);
        assertThat(InstallationService.signature(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", null)
                .png()).startsWith((byte) 0x89, (byte) 'P');
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> InstallationService.signature("bm90IGEgcG5n", null))
                .isInstanceOf(com.opensvc.aftersales.web.InvalidFieldException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> InstallationService.signature(null, " "))
                .isInstanceOf(com.opensvc.aftersales.web.InvalidFieldException.class);
    }
}
