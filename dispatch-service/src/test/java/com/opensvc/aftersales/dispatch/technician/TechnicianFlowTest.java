package com.opensvc.aftersales.dispatch.technician;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.opensvc.aftersales.dispatch.DispatchServiceTest;
import com.opensvc.aftersales.testkit.RestApi;

/** DSP-02, INT-22, SEC-03, SEC-05: the supervisor manages the technicians through the API. */
@DispatchServiceTest
class TechnicianFlowTest {
    private static final String PATH = "/api/dispatch/technicians";

    @Autowired
    JdbcClient jdbc;
    private RestApi api;
    private final String supervisor = token("sup.zhao", "SUPERVISOR");

    private static Map<String, Object> technician(String login, String region, String backup) {
        var body = new java.util.HashMap<String, Object>(Map.of("login", login, "name", "Zhou Min",
                "productLines", List.of("AIR_CONDITIONER", "LAUNDRY"), "regions", List.of(region, "SP-" + region),
                "dailyCapacity", 6, "homeStore", "STORE-NORTH"));
        if (backup != null) {
            body.put("defaultBackup", backup);
        }
        return body;
    }

    @Test
    @DisplayName("DSP-02 SEC-03 the supervisor creates, lists, reads and changes a technician with If-Match; every change is on the history with its actor")
    void DSP02_supervisorManagesTechnicians() {
        String region = "R" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String backup = "tech.bk." + UUID.randomUUID().toString().substring(0, 6);
        String login = "tech.zm." + UUID.randomUUID().toString().substring(0, 6);
        assertThat(api.post(PATH, technician(backup, region, null), supervisor).status()).isEqualTo(201);
        assertThat(api.post(PATH, technician(login, region, login), supervisor).status())
                .as("INT-22 not their own backup").isEqualTo(400);
        var created = api.post(PATH, technician(login, region, backup), supervisor);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(created.body().get("workingStatus").asString()).isEqualTo("AVAILABLE");
        assertThat(created.body().get("defaultBackup").asString()).isEqualTo(backup);
        assertThat(api.post(PATH, technician(login, region, null), supervisor).status()).as("taken").isEqualTo(400);

        var listed = api.get(PATH + "?region=" + region + "&productLine=LAUNDRY&status=AVAILABLE", supervisor).body();
        assertThat(listed.get("totalItems").asLong()).isEqualTo(2);
        assertThat(api.get(PATH + "?region=" + region, token("mgr.qian", "MANAGER")).status()).isEqualTo(200);
        assertThat(api.get(PATH + "/" + login, token(login, "TECHNICIAN")).status()).isEqualTo(200);
        assertThat(api.get(PATH + "/" + backup, token(login, "TECHNICIAN")).status()).isEqualTo(403);
        var me = api.get(PATH + "/me", token(login, "TECHNICIAN"));
        assertThat(me.body().get("login").asString()).isEqualTo(login);

        Map<String, Object> replaced = technician(login, region, backup);
        replaced.remove("login");
        replaced.put("dailyCapacity", 8);
        replaced.put("workingStatus", "AVAILABLE");
        assertThat(api.put(PATH + "/" + login, replaced, supervisor, Map.of()).status()).isEqualTo(428);
        var changed = api.put(PATH + "/" + login, replaced, supervisor, Map.of("If-Match", "\"0\""));
        assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
        assertThat(changed.body().get("dailyCapacity").asInt()).isEqualTo(8);
        assertThat(changed.header("ETag")).isEqualTo("\"1\"");
        assertThat(api.put(PATH + "/" + login, replaced, supervisor, Map.of("If-Match", "\"0\"")).status())
                .as("stale").isEqualTo(412);
        replaced.put("dailyCapacity", 0);
        var bad = api.put(PATH + "/" + login, replaced, supervisor, Map.of("If-Match", "\"1\""));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().toString()).contains("dailyCapacity");

        var history = api.get(PATH + "/" + login + "/history", supervisor).body().get("items");
        assertThat(history.valueStream().map(h -> h.get("action").asString()).toList())
                .containsExactly("CREATED", "UPDATED");
        assertThat(history.get(1).get("actor").asString()).isEqualTo("sup.zhao");
        assertThat(history.get(1).get("detail").asString()).contains("dailyCapacity: 6 → 8");
    }

    @Test
    @DisplayName("SEC-05 DSP-02 no deletion: retirement with a reason, recorded; a retired technician is listed as retired and cannot be changed")
    void SEC05_retirementIsASoftDelete() {
        String region = "R" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String login = "tech.old." + UUID.randomUUID().toString().substring(0, 6);
        assertThat(api.post(PATH, technician(login, region, null), supervisor).status()).isEqualTo(201);
        assertThat(api.delete(PATH + "/" + login, supervisor).status()).as("no hard delete").isIn(404, 405);
        assertThat(api.post(PATH + "/" + login + "/retirement", Map.of("reason", "left"), token(login, "TECHNICIAN"))
                .status()).isEqualTo(403);
        var retired = api.post(PATH + "/" + login + "/retirement", Map.of("reason", "left the company"), supervisor);
        assertThat(retired.status()).isEqualTo(200);
        assertThat(retired.body().get("retiredAt").isNull()).isFalse();
        assertThat(retired.body().get("retirementReason").asString()).isEqualTo("left the company");
        assertThat(api.post(PATH + "/" + login + "/retirement", Map.of("reason", "again"), supervisor).status())
                .isEqualTo(409);
        assertThat(api.get(PATH + "?region=" + region + "&retired=true", supervisor).body().get("totalItems").asLong())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT action FROM technician_history WHERE login = :l ORDER BY id").param("l", login)
                .query(String.class).list()).containsExactly("CREATED", "RETIRED");
        assertThat(jdbc.sql("SELECT count(*) FROM technician WHERE login = :l").param("l", login).query(Integer.class)
                .single()).as("the row stays").isEqualTo(1);
    }
}
