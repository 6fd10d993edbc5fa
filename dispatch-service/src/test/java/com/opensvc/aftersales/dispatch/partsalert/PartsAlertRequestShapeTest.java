package com.opensvc.aftersales.dispatch.partsalert;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.opensvc.aftersales.testkit.WebSliceTest;
import com.opensvc.aftersales.web.Paging;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The parts alerts' endpoints: roles and parameters, on a web slice (no platform). */
@WebSliceTest(PartsAlertController.class)
class PartsAlertRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @MockitoBean
    PartsAlertService service;

    private MvcResult get(String path, String subject, String... roles) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).with(as(subject, roles))).andReturn();
    }

    private static List<String> fields(MvcResult result) throws Exception {
        JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
        return body.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    @Test
    @DisplayName("PRT-01 PRT-03 SEC-01 the alert list is the supervisor's and the manager's: a technician, the front desk, the storekeeper → 403")
    void PRT03_alertListRoles() throws Exception {
        assertThat(get("/api/dispatch/parts-alerts?open=true", "tech.north", "TECHNICIAN").getResponse().getStatus())
                .isEqualTo(403);
        assertThat(get("/api/dispatch/parts-alerts", "desk.li", "FRONT_DESK").getResponse().getStatus()).isEqualTo(403);
        assertThat(get("/api/dispatch/parts-alerts", "store.wu", "STOREKEEPER").getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/dispatch/parts-alerts")).andReturn().getResponse()
                .getStatus()).isEqualTo(401);
        verifyNoInteractions(service);

        when(service.search(any(), any(), any())).thenAnswer(call -> call.<Paging>getArgument(2).of(List.of(), 0));
        assertThat(get("/api/dispatch/parts-alerts?open=true&kind=WRITE_OFF_BLOCKED", "sup.zhao", "SUPERVISOR")
                .getResponse().getStatus()).isEqualTo(200);
        verify(service).search(eq(true), eq(PartsAlertKind.WRITE_OFF_BLOCKED), any());
        assertThat(get("/api/dispatch/parts-alerts", "mgr.qian", "MANAGER").getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    @DisplayName("PRT-01 PRT-03 a bad kind, open or size → 400 naming the parameter")
    void PRT03_badParametersNameTheParameter() throws Exception {
        for (String query : List.of("kind=LOST", "open=maybe", "size=0")) {
            MvcResult result = get("/api/dispatch/parts-alerts?" + query, "sup.zhao", "SUPERVISOR");
            assertThat(result.getResponse().getStatus()).as(query).isEqualTo(400);
            assertThat(fields(result)).as(query).containsExactly(query.substring(0, query.indexOf('=')));
        }
        MvcResult badId = get("/api/dispatch/work-orders/not-a-uuid/parts-alerts", "sup.zhao", "SUPERVISOR");
        assertThat(badId.getResponse().getStatus()).isEqualTo(400);
        verifyNoInteractions(service);
    }

    @Test
    @DisplayName("PRT-03 SEC-02 an order's alerts: a technician reads them as themself (the service checks the order is theirs); the front desk → 403")
    void SEC02_orderAlertsRoles() throws Exception {
        UUID id = UUID.randomUUID();
        String path = "/api/dispatch/work-orders/" + id + "/parts-alerts";
        assertThat(get(path, "desk.li", "FRONT_DESK").getResponse().getStatus()).isEqualTo(403);
        assertThat(get(path, "fin.he", "FINANCE").getResponse().getStatus()).isEqualTo(403);
        verifyNoInteractions(service);

        when(service.ofWorkOrder(any(), any(), any(), any()))
                .thenAnswer(call -> call.<Paging>getArgument(3).of(List.of(), 0));
        assertThat(get(path + "?open=true", "tech.north", "TECHNICIAN").getResponse().getStatus()).isEqualTo(200);
        verify(service).ofWorkOrder(eq(id), eq("tech.north"), eq(true), any());
        assertThat(get(path, "sup.zhao", "SUPERVISOR").getResponse().getStatus()).isEqualTo(200);
        verify(service).ofWorkOrder(eq(id), isNull(), isNull(), any());
    }
}
