package com.opensvc.aftersales.parts.loan;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;

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

import com.opensvc.aftersales.parts.stock.StockService;
import com.opensvc.aftersales.testkit.WebSliceTest;

/** PRT-01 reservations: roles before the body is read, and bad input named (web slice, no platform). */
@WebSliceTest(ReservationController.class)
class ReservationRequestShapeTest {
    @Autowired
    MockMvc mvc;
    @MockitoBean
    IssueService issue;
    @MockitoBean
    ReservationRepository reservations;
    @MockitoBean
    StockService stock;

    private MvcResult post(String url, String body, RequestPostProcessor as) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post(url).contentType(MediaType.APPLICATION_JSON).content(body)
                .with(as)).andReturn();
    }

    @Test
    @DisplayName("PRT-01 SEC-01 only storekeepers and supervisors reserve, only storekeepers approve or reject: 403 before the body is read")
    void PRT01_roles() throws Exception {
        String id = UUID.randomUUID().toString();
        assertThat(post("/api/parts/reservations", "not json", as("tech.north", "TECHNICIAN")).getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(post("/api/parts/reservations", "not json", as("boss", "MANAGER")).getResponse().getStatus())
                .isEqualTo(403);
        for (String role : new String[] {"SUPERVISOR", "TECHNICIAN", "MANAGER"}) {
            assertThat(post("/api/parts/reservations/" + id + "/approval", "", as("x", role)).getResponse()
                    .getStatus()).as(role).isEqualTo(403);
            assertThat(post("/api/parts/reservations/" + id + "/rejection", "not json", as("x", role)).getResponse()
                    .getStatus()).as(role).isEqualTo(403);
        }
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/parts/reservations").with(as("f", "FINANCE")))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    @DisplayName("PRT-01 bad input is named: missing fields, a fractional quantity, an unknown status filter")
    void PRT01_badInputIsNamed() throws Exception {
        MvcResult missing = post("/api/parts/reservations", "{\"lines\":[{\"partNumber\":\"CMP-100\",\"quantity\":1.5}]}",
                as("store.wu", "STOREKEEPER"));
        assertThat(missing.getResponse().getStatus()).isEqualTo(400);
        assertThat(LoanRequestShapeTest.fields(missing)).contains("lines[0].quantity");
        MvcResult status = mvc.perform(MockMvcRequestBuilders.get("/api/parts/reservations?status=LOST")
                .with(as("store.wu", "STOREKEEPER"))).andReturn();
        assertThat(status.getResponse().getStatus()).isEqualTo(400);
        assertThat(LoanRequestShapeTest.fields(status)).containsExactly("status");
    }
}
