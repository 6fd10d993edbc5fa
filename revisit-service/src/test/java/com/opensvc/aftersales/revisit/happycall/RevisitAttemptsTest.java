package com.opensvc.aftersales.revisit.happycall;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.opensvc.aftersales.revisit.happycall.RevisitEvent.RevisitUnreachable;
import com.opensvc.aftersales.testkit.WebSliceTest;
import com.opensvc.aftersales.web.StateConflictException;

/** REV-06: up to three unanswered calls on different days, then UNREACHABLE, which intake counts as done. */
class RevisitAttemptsTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final CallAttempts DEFAULT = new CallAttempts(3, 1);
    private static final Instant MONDAY = Instant.parse("2026-11-30T02:00:00Z");

    private static Revisit scheduled() {
        return Revisit.scheduleHappyCall(UUID.randomUUID(), UUID.randomUUID(), "tech.north", Selection.SAMPLED,
                MONDAY.minusSeconds(3600), "system", MONDAY.minusSeconds(3600)).revisit();
    }

    @Test
    @DisplayName("REV-06 the third unanswered call on a third day makes the revisit UNREACHABLE and publishes RevisitUnreachable")
    void REV06_thirdAttemptOnAnotherDayIsUnreachable() {
        RevisitChange first = scheduled().recordUnansweredCall(DEFAULT, SHANGHAI, "agent.he", MONDAY);
        assertThat(first.revisit().state()).isEqualTo(RevisitState.SCHEDULED);
        assertThat(first.revisit().attempts()).isEqualTo(1);
        assertThat(first.events()).isEmpty();
        RevisitChange second = first.revisit().recordUnansweredCall(DEFAULT, SHANGHAI, "agent.he",
                MONDAY.plusSeconds(86_400));
        assertThat(second.events()).isEmpty();
        RevisitChange third = second.revisit().recordUnansweredCall(DEFAULT, SHANGHAI, "agent.wu",
                MONDAY.plusSeconds(2 * 86_400));
        assertThat(third.revisit().state()).isEqualTo(RevisitState.UNREACHABLE);
        assertThat(third.events()).singleElement().isInstanceOfSatisfying(RevisitUnreachable.class, e -> {
            assertThat(e.attempts()).isEqualTo(3);
            assertThat(e.actor()).isEqualTo("agent.wu");
        });
    }

    @Test
    @DisplayName("REV-06 a second attempt on the same company day is refused (409): attempts are on different days")
    void REV06_sameDayAttemptRefused() {
        Revisit once = scheduled().recordUnansweredCall(DEFAULT, SHANGHAI, "agent.he", MONDAY).revisit();
        // 02:00Z and 15:00Z are both 30 November in Shanghai
        assertThatThrownBy(() -> once.recordUnansweredCall(DEFAULT, SHANGHAI, "agent.he", MONDAY.plusSeconds(13 * 3600)))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("different days");
        // 16:00Z is already 1 December in Shanghai
        assertThat(once.recordUnansweredCall(DEFAULT, SHANGHAI, "agent.he", MONDAY.plusSeconds(14 * 3600)).revisit()
                .attempts()).isEqualTo(2);
    }

    @Test
    @DisplayName("REV-06 an answered or unreachable revisit takes no more attempts (409)")
    void REV06_noAttemptsAfterTheEnd() {
        CallAttempts one = new CallAttempts(1, 1);
        Revisit unreachable = scheduled().recordUnansweredCall(one, SHANGHAI, "agent.he", MONDAY).revisit();
        assertThat(unreachable.state()).isEqualTo(RevisitState.UNREACHABLE);
        assertThatThrownBy(() -> unreachable.recordUnansweredCall(one, SHANGHAI, "agent.he", MONDAY.plusSeconds(86_400 * 2)))
                .isInstanceOf(StateConflictException.class);
    }

    @Nested
    @WebSliceTest(RevisitController.class)
    class Endpoint {
        @Autowired
        MockMvc mvc;
        @MockitoBean
        RevisitService service;
        @MockitoBean
        RevisitRepository revisits;

        @Test
        @DisplayName("REV-06 SEC-01 only a revisit agent records a call attempt")
        void REV06_onlyAgentsRecordAttempts() throws Exception {
            UUID id = UUID.randomUUID();
            String path = "/api/revisit/revisits/" + id + "/attempts";
            assertThat(mvc.perform(MockMvcRequestBuilders.post(path).with(as("tech.north", "TECHNICIAN"))).andReturn()
                    .getResponse().getStatus()).isEqualTo(403);
            assertThat(mvc.perform(MockMvcRequestBuilders.post(path).with(as("sup", "SUPERVISOR"))).andReturn()
                    .getResponse().getStatus()).isEqualTo(403);
            assertThat(mvc.perform(MockMvcRequestBuilders.post(path)).andReturn().getResponse().getStatus()).isEqualTo(401);
            mvc.perform(MockMvcRequestBuilders.post(path).with(as("agent.he", "REVISIT_AGENT"))).andReturn();
            verify(service).recordUnansweredCall(eq(id), any());
        }
    }
}
