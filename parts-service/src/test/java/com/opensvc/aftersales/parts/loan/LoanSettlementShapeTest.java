package com.opensvc.aftersales.parts.loan;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

import tools.jackson.databind.json.JsonMapper;

/** PRT-03, PRT-05, SEC-01, SEC-02: the settlement endpoints' shapes and roles, on a web slice (no platform). */
@WebSliceTest(LoanController.class)
class LoanSettlementShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID LOAN = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    @Autowired
    MockMvc mvc;
    @MockitoBean
    LoanRepository loans;
    @MockitoBean
    ReconciliationService reconciliation;
    @MockitoBean
    SettlementProperties properties;
    @MockitoBean
    Clock clock;

    private final RequestPostProcessor storekeeper = as("store.wu", "STOREKEEPER");

    private MvcResult post(String path, Object body, RequestPostProcessor who) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/api/parts/loans/" + LOAN + path).with(who)
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body))).andReturn();
    }

    private MvcResult get(String url, RequestPostProcessor who) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(url).with(who)).andReturn();
    }

    @Test
    @DisplayName("PRT-03 an old-part check-in without serial and factory date → 400 naming both; a bad date is named")
    void PRT03_checkInNeedsSerialOrFactoryDate() throws Exception {
        assertThat(LoanRequestShapeTest.fields(post("/old-part", Map.of(), storekeeper)))
                .containsExactlyInAnyOrder("serialNumber", "factoryDate");
        assertThat(LoanRequestShapeTest.fields(post("/old-part", Map.of("serialNumber", "  "), storekeeper)))
                .containsExactlyInAnyOrder("serialNumber", "factoryDate");
        assertThat(LoanRequestShapeTest.fields(post("/old-part", Map.of("factoryDate", "2025-13-40"), storekeeper)))
                .containsExactly("factoryDate");
        assertThat(LoanRequestShapeTest.fields(post("/old-part", Map.of("serialNumber", "S".repeat(101)), storekeeper)))
                .containsExactly("serialNumber");
        verify(reconciliation, never()).checkInOldPart(any(), any(), any(), any());

        assertThat(post("/old-part", Map.of("serialNumber", " CMP-1 "), storekeeper).getResponse().getStatus())
                .isEqualTo(200);
        verify(reconciliation).checkInOldPart(LOAN, "CMP-1", null, "store.wu");
    }

    @Test
    @DisplayName("PRT-03 SEC-01 only the storekeeper checks in old parts and receives returns; quality may inspect; TECHNICIAN 403")
    void PRT03_settlementRoles() throws Exception {
        Map<String, String> oldPart = Map.of("serialNumber", "CMP-1");
        for (RequestPostProcessor who : List.of(as("tech.north", "TECHNICIAN"), as("fin.chen", "FINANCE"),
                as("qa.li", "QUALITY"), as("sup.zhao", "SUPERVISOR"))) {
            assertThat(post("/old-part", oldPart, who).getResponse().getStatus()).isEqualTo(403);
            assertThat(post("/return", Map.of(), who).getResponse().getStatus()).isEqualTo(403);
        }
        assertThat(post("/inspection", Map.of("passed", true), as("tech.north", "TECHNICIAN")).getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(post("/inspection", Map.of("passed", true), as("qa.li", "QUALITY")).getResponse().getStatus())
                .isEqualTo(200);
        assertThat(post("/return", Map.of(), storekeeper).getResponse().getStatus()).isEqualTo(200);
        assertThat(LoanRequestShapeTest.fields(post("/inspection", Map.of("note", "x"), storekeeper)))
                .containsExactly("passed");
        assertThat(LoanRequestShapeTest.fields(post("/inspection", Map.of("passed", "maybe"), storekeeper)))
                .containsExactly("passed");
    }

    @Test
    @DisplayName("SEC-02 a technician lists only their own loans: another's technicianId → 403; FINANCE may read all")
    void SEC02_technicianSeesOnlyOwnLoans() throws Exception {
        RequestPostProcessor tech = as("tech.north", "TECHNICIAN");
        assertThat(get("/api/parts/loans?technicianId=tech.south", tech).getResponse().getStatus()).isEqualTo(403);
        assertThat(get("/api/parts/loans", tech).getResponse().getStatus()).isEqualTo(200);
        verify(loans).search(isNull(), eq("tech.north"), isNull(), any());
        assertThat(get("/api/parts/loans/mine?status=AWAITING_RETURN", tech).getResponse().getStatus()).isEqualTo(200);
        verify(loans).search(isNull(), eq("tech.north"), eq(LoanStatus.AWAITING_RETURN), any());
        assertThat(get("/api/parts/loans/mine", storekeeper).getResponse().getStatus()).isEqualTo(403);

        assertThat(get("/api/parts/loans?technicianId=tech.south", as("fin.chen", "FINANCE")).getResponse()
                .getStatus()).isEqualTo(200);
        verify(loans).search(isNull(), eq("tech.south"), isNull(), any());
        assertThat(get("/api/parts/loans", as("front.desk", "FRONT_DESK")).getResponse().getStatus()).isEqualTo(403);

        Loan others = Loan.lend(UUID.randomUUID(), UUID.randomUUID(), "tech.south", "CMP-100", 1, LoanStatus.ON_LOAN,
                NOW);
        when(loans.find(others.id())).thenReturn(Optional.of(others));
        assertThat(get("/api/parts/loans/" + others.id(), tech).getResponse().getStatus()).isEqualTo(404);
        assertThat(get("/api/parts/loans/" + others.id(), as("tech.south", "TECHNICIAN")).getResponse().getStatus())
                .isEqualTo(200);
        assertThat(LoanRequestShapeTest.fields(get("/api/parts/loans?status=LOST", storekeeper)))
                .containsExactly("status");
    }

    @Test
    @DisplayName("PRT-05 SEC-01 overdue loans: days defaults to aftersales.parts.loan-overdue-after; bad days named; roles")
    void PRT05_overdueShapeAndRoles() throws Exception {
        when(clock.instant()).thenReturn(NOW);
        when(properties.loanOverdueAfter()).thenReturn(Period.ofDays(7));
        assertThat(get("/api/parts/loans/overdue", as("sup.zhao", "SUPERVISOR")).getResponse().getStatus())
                .isEqualTo(200);
        verify(loans).overdue(eq(Instant.parse("2026-11-24T00:00:00Z")), any());
        assertThat(get("/api/parts/loans/overdue?days=30", as("mgr.sun", "MANAGER")).getResponse().getStatus())
                .isEqualTo(200);
        verify(loans).overdue(eq(Instant.parse("2026-11-01T00:00:00Z")), any());
        verify(loans, org.mockito.Mockito.times(2)).countOverdueTechnicians(any());
        assertThat(LoanRequestShapeTest.fields(get("/api/parts/loans/overdue?days=-1", storekeeper)))
                .containsExactly("days");
        assertThat(LoanRequestShapeTest.fields(get("/api/parts/loans/overdue?days=1.5", storekeeper)))
                .containsExactly("days");
        for (RequestPostProcessor who : List.of(as("tech.north", "TECHNICIAN"), as("fin.chen", "FINANCE"))) {
            assertThat(get("/api/parts/loans/overdue", who).getResponse().getStatus()).isEqualTo(403);
        }
    }
}
