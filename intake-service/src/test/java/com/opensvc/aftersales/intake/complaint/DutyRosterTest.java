package com.opensvc.aftersales.intake.complaint;

import static com.opensvc.aftersales.intake.Tickets.today;
import static com.opensvc.aftersales.intake.complaint.ComplaintFixtures.register;
import static com.opensvc.aftersales.intake.complaint.ComplaintFixtures.remoteComplaint;
import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.intake.IntakeServiceTest;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;

@IntakeServiceTest
class DutyRosterTest {
    private RestApi api;
    private final String desk = token("desk.li", "FRONT_DESK");
    private final String supervisor = token("sup.wang", "SUPERVISOR");
    private final String rosterMain = token("cm.main", "CUSTOMER_MANAGER");
    private final String rosterBackup = token("cm.backup", "CUSTOMER_MANAGER");

    @BeforeEach
    void roster() {
        var set = api.put("/api/intake/duty/roster/VALIDITY", Map.of("mainPerson", "cm.main", "backupPerson", "cm.backup"),
                supervisor, Map.of());
        assertThat(set.status()).as(set.body().toString()).isEqualTo(200);
    }

    @AfterEach
    void clearRoster() {
        api.delete("/api/intake/duty/roster/VALIDITY", supervisor);
    }

    @Test
    @DisplayName("INT-22 new complaints take the roster's main and backup; while the main one is absent the work goes to the backup")
    void INT22_rosterAndAbsence() {
        String id = registerComplaint(List.of());
        JsonNode complaint = api.get("/api/intake/tickets/" + id + "/complaint", desk).body();
        assertThat(complaint.get("assignments").get("VALIDITY").get("main").asString()).isEqualTo("cm.main");
        assertThat(complaint.get("currentHandler").asString()).isEqualTo("cm.main");
        assertThat(ids(api.get("/api/intake/complaints/my-work", rosterMain).body())).contains(id);

        String today = today().toString();
        var ownAbsence = api.post("/api/intake/duty/absences", Map.of("person", "cm.main", "from", today, "to", today),
                rosterMain);
        assertThat(ownAbsence.status()).as("anyone marks their own absence").isEqualTo(200);
        assertThat(api.post("/api/intake/duty/absences", Map.of("person", "cm.other", "from", today, "to", today),
                rosterMain).status()).as("but not someone else's").isEqualTo(403);
        assertThat(api.get("/api/intake/tickets/" + id + "/complaint", desk).body().get("currentHandler").asString())
                .isEqualTo("cm.backup");
        assertThat(ids(api.get("/api/intake/complaints/my-work", rosterBackup).body())).contains(id);
        assertThat(ids(api.get("/api/intake/complaints/my-work", rosterMain).body())).doesNotContain(id);
        assertThat(api.post("/api/intake/tickets/" + id + "/complaint/validity", Map.of("valid", true), rosterBackup)
                .body().get("state").asString()).isEqualTo("OPINION_PENDING");

        assertThat(api.post("/api/intake/duty/absences/" + ownAbsence.body().get("id").asString() + "/end", Map.of(),
                supervisor).status()).isEqualTo(200);
        String back = registerComplaint(List.of());
        assertThat(api.get("/api/intake/tickets/" + back + "/complaint", desk).body().get("currentHandler").asString())
                .as("back: new work goes to the main handler again").isEqualTo("cm.main");
        var reversed = api.post("/api/intake/duty/absences", Map.of("person", "cm.main", "from", today, "to", "2000-01-01"),
                supervisor);
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.body().get("errors").get(0).get("field").asString()).isEqualTo("to");
    }

    @Test
    @DisplayName("INT-12 INT-22 a roster person the complaint is about is left out; the backup becomes the main handler")
    void INT12_rosterSubjectLeftOut() {
        String id = registerComplaint(List.of("cm.main"));
        JsonNode validity = api.get("/api/intake/tickets/" + id + "/complaint", desk).body().get("assignments").get("VALIDITY");
        assertThat(validity.get("main").asString()).isEqualTo("cm.backup");
        assertThat(validity.get("backup").isNull()).isTrue();
        assertThat(api.post("/api/intake/tickets/" + id + "/complaint/validity", Map.of("valid", true), rosterMain).status())
                .isEqualTo(403);
    }

    private String registerComplaint(List<String> subjects) {
        Map<String, Object> request = remoteComplaint("DELIVERY_DELAY", today().toString());
        request.put("complaintSubjects", subjects);
        return register(api, request, desk);
    }

    private static List<String> ids(JsonNode complaints) {
        return complaints.valueStream().map(c -> c.get("ticketId").asString()).toList();
    }
}
