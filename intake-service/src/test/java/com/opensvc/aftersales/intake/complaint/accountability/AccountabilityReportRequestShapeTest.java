package com.opensvc.aftersales.intake.complaint.accountability;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.opensvc.aftersales.testkit.WebSliceTest;

/** The accountability report's roles, on a web slice (no platform). */
@WebSliceTest(AccountabilityReportController.class)
class AccountabilityReportRequestShapeTest {
    @Autowired
    MockMvc mvc;
    @MockitoBean
    AccountabilityReports reports;

    private final RequestPostProcessor desk = as("desk.li", "FRONT_DESK");
    private final RequestPostProcessor customerManager = as("cm.zhao", "CUSTOMER_MANAGER");

    private int get(String path, RequestPostProcessor as) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).with(as)).andReturn().getResponse().getStatus();
    }

    @Test
    @DisplayName("INT-21 SEC-01 the month's report is not for the desk or the customer manager")
    void INT21_reportRoles() throws Exception {
        String path = "/api/intake/reports/accountability?month=" + YearMonth.now();
        assertThat(get(path, desk)).as("SEC-01").isEqualTo(403);
        assertThat(get(path, customerManager)).isEqualTo(403);
    }
}
