package com.opensvc.aftersales.quality.defect;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.opensvc.aftersales.testkit.WebSliceTest;

/** The defect endpoints' roles, on a web slice (no platform). */
@WebSliceTest(DefectController.class)
class DefectRequestShapeTest {
    @Autowired
    MockMvc mvc;
    @MockitoBean
    DefectRepository defects;

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private static MockHttpServletRequestBuilder get(String path) {
        return MockMvcRequestBuilders.get(path);
    }

    @Test
    @DisplayName("SEC-01 quality endpoints: no token → 401; a technician → 403; quality, manager and supervisor read")
    void SEC01_rolesOnQuality() throws Exception {
        assertThat(status(get("/api/quality/defects"))).isEqualTo(401);
        assertThat(status(get("/api/quality/defects/" + UUID.randomUUID()))).isEqualTo(401);
        assertThat(status(get("/api/quality/defects").with(as("tech.north", "TECHNICIAN")))).isEqualTo(403);
        assertThat(status(get("/api/quality/defects/" + UUID.randomUUID()).with(as("tech.north", "TECHNICIAN"))))
                .isEqualTo(403);
        assertThat(status(get("/api/quality/defects").with(as("mgr.wu", "MANAGER")))).isEqualTo(200);
        assertThat(status(get("/api/quality/defects").with(as("sup.ma", "SUPERVISOR")))).isEqualTo(200);
    }
}
