package com.opensvc.aftersales.revisit.agenda;

import static com.opensvc.aftersales.testkit.WebSlice.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.opensvc.aftersales.testkit.WebSliceTest;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;
import com.opensvc.aftersales.web.TabularReport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** RPT-03 and INT-12 endpoints: request shapes and roles on a web slice (no platform). */
@WebSliceTest({AgendaController.class, AssignmentController.class})
class AgendaRequestShapeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NEVER = "/api/revisit/customers/never-revisited";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    Agenda agenda;
    @MockitoBean
    Assignments assignments;

    private final RequestPostProcessor agent = as("agent.he", "REVISIT_AGENT");
    private final RequestPostProcessor supervisor = as("sup.ma", "SUPERVISOR");

    private MvcResult perform(MockHttpServletRequestBuilder request, RequestPostProcessor as) throws Exception {
        return mvc.perform(as == null ? request : request.with(as)).andReturn();
    }

    private int get(String path, RequestPostProcessor as) throws Exception {
        return perform(MockMvcRequestBuilders.get(path), as).getResponse().getStatus();
    }

    private static List<String> fields(MvcResult result) throws Exception {
        JsonNode problem = JSON.readTree(result.getResponse().getContentAsString());
        return problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    private static MockHttpServletRequestBuilder put(String path, String body) {
        return MockMvcRequestBuilders.put(path).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    @DisplayName("RPT-03 SEC-01 reminders and never-revisited customers: agents, supervisors, managers, the service director; technicians and the desk 403")
    void RPT03_readersOnly() throws Exception {
        when(agenda.reminders(any(), any(), any())).thenReturn(new PageOf<>(List.of(), 0, 100, 0));
        when(agenda.neverRevisited(any(), any(), any())).thenReturn(new PageOf<>(List.of(), 0, 50, 0));
        when(agenda.neverRevisitedTable(any(), any())).thenReturn(TabularReport.builder("x").text("customerId").build());
        String range = "?from=2026-11-01&to=2026-11-30";
        for (String path : new String[]{"/api/revisit/reminders", NEVER + range, NEVER + ".csv" + range, NEVER + ".xlsx" + range}) {
            assertThat(get(path, null)).as(path).isEqualTo(401);
            for (String role : new String[]{"TECHNICIAN", "FRONT_DESK", "QUALITY", "CUSTOMER_MANAGER"}) {
                assertThat(get(path, as("someone", role))).as(path + " " + role).isEqualTo(403);
            }
            for (String role : new String[]{"REVISIT_AGENT", "SUPERVISOR", "MANAGER", "SERVICE_DIRECTOR"}) {
                assertThat(get(path, as("someone", role))).as(path + " " + role).isEqualTo(200);
            }
        }
        var csv = perform(MockMvcRequestBuilders.get(NEVER + ".csv" + range), supervisor).getResponse();
        assertThat(csv.getContentType()).startsWith("text/csv");
        assertThat(csv.getHeader("Content-Disposition")).contains("never-revisited-2026-11-01-2026-11-30.csv");
    }

    @Test
    @DisplayName("RPT-03 an agent's reminders are their own: another agent's → 403; a supervisor may filter by agent")
    void RPT03_agentSeesOwnReminders() throws Exception {
        when(agenda.reminders(any(), any(), any())).thenReturn(new PageOf<>(List.of(), 0, 100, 0));
        assertThat(get("/api/revisit/reminders?agent=agent.wu", agent)).isEqualTo(403);
        assertThat(get("/api/revisit/reminders?agent=agent.he&days=5", agent)).isEqualTo(200);
        verify(agenda).reminders(AgendaQueries.Scope.mine("agent.he"), 5, new Paging(0, 100));
        assertThat(get("/api/revisit/reminders?agent=agent.wu", supervisor)).isEqualTo(200);
        verify(agenda).reminders(eq(AgendaQueries.Scope.everyone("agent.wu")), isNull(), any());
        assertThat(get("/api/revisit/reminders", as("mgr", "MANAGER"))).isEqualTo(200);
        verify(agenda).reminders(eq(AgendaQueries.Scope.everyone(null)), isNull(), any());
    }

    @Test
    @DisplayName("RPT-03 days outside 0..31 or not a whole number → 400 naming days; bad paging → 400 naming it")
    void RPT03_badDays() throws Exception {
        for (String days : new String[]{"-1", "32", "x", "1.5", "2147483648"}) {
            var response = perform(MockMvcRequestBuilders.get("/api/revisit/reminders?days=" + days), agent);
            assertThat(response.getResponse().getStatus()).as(days).isEqualTo(400);
            assertThat(fields(response)).as(days).containsExactly("days");
        }
        for (String query : new String[]{"size=0", "size=201", "page=-1", "size=x"}) {
            var response = perform(MockMvcRequestBuilders.get("/api/revisit/reminders?" + query), agent);
            assertThat(response.getResponse().getStatus()).as(query).isEqualTo(400);
            assertThat(fields(response)).as(query).containsExactly(query.substring(0, query.indexOf('=')));
        }
        var tooLong = perform(MockMvcRequestBuilders.get("/api/revisit/reminders?agent=" + "a".repeat(101)), supervisor);
        assertThat(tooLong.getResponse().getStatus()).isEqualTo(400);
        assertThat(fields(tooLong)).containsExactly("agent");
        verifyNoInteractions(agenda);
    }

    @Test
    @DisplayName("RPT-03 never-revisited: missing or bad dates, to before from, more than 366 days, bad paging → 400 naming the field")
    void RPT03_badPeriod() throws Exception {
        String[][] cases = {
                {"to=2026-11-30", "from"},
                {"from=2026-11-01", "to"},
                {"from=2026-13-01&to=2026-11-30", "from"},
                {"from=2026-11-30&to=2026-11-01", "to"},
                {"from=2025-01-01&to=2026-01-02", "to"},
                {"from=2026-11-01&to=2026-11-30&size=201", "size"},
                {"from=2026-11-01&to=2026-11-30&page=-1", "page"},
        };
        for (String path : new String[]{NEVER, NEVER + ".csv", NEVER + ".xlsx"}) {
            for (String[] c : cases) {
                if (path.contains(".") && (c[1].equals("size") || c[1].equals("page"))) {
                    continue;
                }
                var response = perform(MockMvcRequestBuilders.get(path + "?" + c[0]), agent);
                assertThat(response.getResponse().getStatus()).as(path + "?" + c[0]).isEqualTo(400);
                assertThat(response.getResponse().getContentAsString()).as(path + "?" + c[0]).contains(c[1]);
            }
        }
        verifyNoInteractions(agenda);
        // 366 days inclusive is the longest period; the largest page is a long offset, never a 500
        when(agenda.neverRevisited(any(), any(), any())).thenReturn(new PageOf<>(List.of(), Integer.MAX_VALUE, 200, 0));
        assertThat(get(NEVER + "?from=2024-01-01&to=2024-12-31&page=" + Integer.MAX_VALUE + "&size=200", agent)).isEqualTo(200);
        verify(agenda).neverRevisited(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-12-31"),
                new Paging(Integer.MAX_VALUE, 200));
    }

    @Test
    @DisplayName("RPT-03 INT-12 SEC-01 an agent claims; a supervisor assigns and releases; technicians and the desk 403")
    void RPT03_assignmentRoles() throws Exception {
        UUID id = UUID.randomUUID();
        String base = "/api/revisit/revisits/" + id;
        String body = "{\"agent\":\"agent.wu\"}";
        for (String role : new String[]{"TECHNICIAN", "FRONT_DESK", "MANAGER"}) {
            RequestPostProcessor someone = as("someone", role);
            assertThat(perform(MockMvcRequestBuilders.post(base + "/claim"), someone).getResponse().getStatus()).as(role).isEqualTo(403);
            assertThat(perform(put(base + "/assignee", body), someone).getResponse().getStatus()).as(role).isEqualTo(403);
            assertThat(perform(MockMvcRequestBuilders.delete(base + "/assignee"), someone).getResponse().getStatus()).as(role).isEqualTo(403);
            assertThat(get(base + "/assignee", someone)).as(role).isEqualTo(403);
        }
        assertThat(perform(MockMvcRequestBuilders.post(base + "/claim"), null).getResponse().getStatus()).isEqualTo(401);
        // a supervisor assigns, an agent claims: not the other way round
        assertThat(perform(MockMvcRequestBuilders.post(base + "/claim"), supervisor).getResponse().getStatus()).isEqualTo(403);
        assertThat(perform(put(base + "/assignee", body), agent).getResponse().getStatus()).isEqualTo(403);
        assertThat(perform(MockMvcRequestBuilders.delete(base + "/assignee"), agent).getResponse().getStatus()).isEqualTo(403);
        verifyNoInteractions(assignments);

        perform(MockMvcRequestBuilders.post(base + "/claim"), agent);
        verify(assignments).claim(id, "agent.he");
        perform(put(base + "/assignee", body), supervisor);
        verify(assignments).assign(id, "agent.wu", "sup.ma");
        assertThat(perform(MockMvcRequestBuilders.delete(base + "/assignee"), supervisor).getResponse().getStatus()).isEqualTo(204);
        verify(assignments).release(id, "sup.ma");
    }

    @Test
    @DisplayName("RPT-03 an assignment without an agent, a blank or too long one, or a bad revisit id → 400 naming it")
    void RPT03_badAssignment() throws Exception {
        String base = "/api/revisit/revisits/" + UUID.randomUUID() + "/assignee";
        String[][] cases = {{"{}", "agent"}, {"{\"agent\":\"  \"}", "agent"}, {"{\"agent\":null}", "agent"},
                {"{\"agent\":\"" + "a".repeat(101) + "\"}", "agent"}};
        for (String[] c : cases) {
            var response = perform(put(base, c[0]), supervisor);
            assertThat(response.getResponse().getStatus()).as(c[0]).isEqualTo(400);
            assertThat(response.getResponse().getContentAsString()).as(c[0]).contains(c[1]);
        }
        var badId = perform(MockMvcRequestBuilders.post("/api/revisit/revisits/not-a-uuid/claim"), agent);
        assertThat(badId.getResponse().getStatus()).isEqualTo(400);
        assertThat(badId.getResponse().getContentAsString()).contains("id");
        verifyNoInteractions(assignments);
    }
}
