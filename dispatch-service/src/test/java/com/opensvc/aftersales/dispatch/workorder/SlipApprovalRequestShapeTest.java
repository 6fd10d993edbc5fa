package com.opensvc.aftersales.dispatch.workorder;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
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

/** The service-slip approval endpoint's roles and request shape, on a web slice (no platform). */
@WebSliceTest(SlipApprovalController.class)
class SlipApprovalRequestShapeTest {
    @Autowired
    MockMvc mvc;
    @MockitoBean
    WorkOrderService service;

    private final UUID id = UUID.randomUUID();

    private MvcResult approve(String body, String subject, String... roles) throws Exception {
        var request = MockMvcRequestBuilders.post("/api/dispatch/work-orders/" + id + "/slip-approvals")
                .with(as(subject, roles));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request).andReturn();
    }

    private void answers() {
        WorkOrder complaint = new WorkOrder.Builder().id(id).ticketId(UUID.randomUUID()).kind("COMPLAINT")
                .state(WorkOrderState.NEW).createdAt(Instant.parse("2026-11-23T01:00:00Z")).build();
        when(service.approveSlip(eq(id), any(), any())).thenReturn(complaint);
    }

    @Test
    @DisplayName("DSP-02 SEC-01 the front desk, a supervisor and a technician approve no service slip → 403")
    void DSP02_wrongRoles() throws Exception {
        assertThat(approve(null, "desk.li", "FRONT_DESK").getResponse().getStatus()).isEqualTo(403);
        assertThat(approve(null, "sup.zhao", "SUPERVISOR").getResponse().getStatus()).isEqualTo(403);
        assertThat(approve(null, "tech.north", "TECHNICIAN").getResponse().getStatus()).isEqualTo(403);
        verifyNoInteractions(service);
    }

    @Test
    @DisplayName("DSP-02 the approval follows the caller's role; naming the other role's approval → 403; both roles must name it → 400")
    void DSP02_approvalFollowsTheRole() throws Exception {
        answers();
        MvcResult quality = approve(null, "qa.wu", "QUALITY");
        assertThat(quality.getResponse().getStatus()).isEqualTo(200);
        assertThat(quality.getResponse().getContentAsString()).contains("\"missing\":[\"QUALITY_LEAD\",\"MANAGER\"]")
                .contains("\"required\":true");
        verify(service).approveSlip(id, SlipApproval.Kind.QUALITY_LEAD, "qa.wu");
        assertThat(approve("{}", "mgr.sun", "MANAGER").getResponse().getStatus()).isEqualTo(200);
        verify(service).approveSlip(id, SlipApproval.Kind.MANAGER, "mgr.sun");

        assertThat(approve("{\"approval\":\"MANAGER\"}", "qa.wu", "QUALITY").getResponse().getStatus()).isEqualTo(403);
        MvcResult both = approve(null, "boss.qian", "QUALITY", "MANAGER");
        assertThat(both.getResponse().getStatus()).isEqualTo(400);
        assertThat(both.getResponse().getContentAsString()).contains("\"field\":\"approval\"");
        assertThat(approve("{\"approval\":\"MANAGER\"}", "boss.qian", "QUALITY", "MANAGER").getResponse().getStatus())
                .isEqualTo(200);
        assertThat(approve("{\"approval\":\"CEO\"}", "qa.wu", "QUALITY").getResponse().getStatus()).isEqualTo(400);
    }
}
