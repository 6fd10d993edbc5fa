package com.opensvc.aftersales.quality.improvement;

import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.opensvc.aftersales.quality.QualityServiceTest;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;

/**
 * QLT-05 in full on the running service: photos and files on the problem (type from the magic bytes, size limits),
 * actions recorded done (once, by the owner or quality), overdue actions listed, verification only after every action
 * is done and with its evidence, one report per alert.
 */
@QualityServiceTest
class ImprovementReportInFullFlowTest {
    private static final String BASE = "/api/quality/improvement-reports";
    private static final ZoneId COMPANY = ZoneId.of("Asia/Shanghai");
    /** A valid 1×1 PNG. */
    private static final byte[] PNG = HexFormat.of().parseHex("89504e470d0a1a0a0000000d4948445200000001000000010806"
            + "0000001f15c4890000000d49444154789c6360000002000154a24f0b0000000049454e44ae426082");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ImprovementReportService reports;
    @LocalServerPort
    int port;
    private RestApi api;

    private final String quality = token("qe.sun", "QUALITY");
    private final String secondQuality = token("qe.wang", "QUALITY");
    private final String manager = token("mgr.wu", "MANAGER");
    private final String supervisor = token("sup.ma", "SUPERVISOR");
    private final String customerManager = token("cm.zhao", "CUSTOMER_MANAGER");
    private final String frontDesk = token("desk.li", "FRONT_DESK");
    private final String technician = token("tech.north", "TECHNICIAN");

    // --- helpers -------------------------------------------------------------------------------------------------

    private String openReport(String model) {
        var created = api.post(BASE, Map.of("problem", "Door seal leaks", "productModel", model, "affectedQuantity", 4),
                quality);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body().get("id").asString();
    }

    /** Opened, analysed by qe.sun, actions assigned: corrective 0 owned by {@code owner}, preventive 0 by qe.sun. */
    private String assignedReport(String owner) {
        String id = openReport("QLT05-" + UUID.randomUUID());
        assertThat(api.post(BASE + "/" + id + "/analysis", ImprovementReportFlowTest.analysis(), quality).status())
                .isEqualTo(200);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        var assigned = api.post(BASE + "/" + id + "/actions", Map.of(
                "corrective", List.of(Map.of("description", "Quarantine lot", "owner", owner,
                        "dueDate", today.plusDays(7).toString())),
                "preventive", List.of(Map.of("description", "Humidity test", "owner", "qe.sun",
                        "dueDate", today.plusDays(30).toString()))), quality);
        assertThat(assigned.status()).as(String.valueOf(assigned.body())).isEqualTo(200);
        return id;
    }

    private static String completion(String id, int round, String kind, int position) {
        return BASE + "/" + id + "/actions/" + round + "/" + kind + "/" + position + "/completion";
    }

    private RestApi.Response upload(String id, String fileName, String type, byte[] bytes, String token) {
        String boundary = "----qlt05" + UUID.randomUUID();
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        form.writeBytes(bytes);
        form.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.postBytes(BASE + "/" + id + "/attachments", form.toByteArray(),
                "multipart/form-data; boundary=" + boundary, token);
    }

    private static void assertNamesFile(RestApi.Response response, int status) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(status);
        assertThat(response.body().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactly("file");
    }

    private static void assertConflict(RestApi.Response response, String currentState) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(409);
        assertThat(response.body().get("currentState").asString()).isEqualTo(currentState);
    }

    private static byte[] pngOf(int size) {
        byte[] bytes = new byte[size];
        System.arraycopy(PNG, 0, bytes, 0, PNG.length);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static <T> List<T> atOnce(List<Callable<T>> calls) throws Exception {
        CyclicBarrier start = new CyclicBarrier(calls.size());
        try (ExecutorService pool = Executors.newFixedThreadPool(calls.size())) {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        }
    }

    // --- tests ---------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("QLT-05 a photo of the problem: a real PNG is kept (size, type, sha256) and downloaded byte for byte as an attachment, never sniffed; a text file named .png → 415 naming file; the wrong roles 403")
    void QLT05_photoAttachedAndDownloaded() throws Exception {
        String id = openReport("QLT05-PHOTO-" + UUID.randomUUID());
        assertThat(upload(id, "seal.png", "image/png", PNG, frontDesk).status()).isEqualTo(403);
        assertThat(upload(id, "seal.png", "image/png", PNG, manager).status()).isEqualTo(403);

        var added = upload(id, "C:\\photos\\门封 漏水.png", "image/png", PNG, supervisor);
        assertThat(added.status()).as(String.valueOf(added.body())).isEqualTo(201);
        JsonNode attachment = added.body();
        String attachmentId = attachment.get("id").asString();
        assertThat(added.header("Location")).isEqualTo(BASE + "/" + id + "/attachments/" + attachmentId);
        assertThat(attachment.get("fileName").asString()).isEqualTo("门封 漏水.png");
        assertThat(attachment.get("contentType").asString()).isEqualTo("image/png");
        assertThat(attachment.get("size").asLong()).isEqualTo(PNG.length);
        assertThat(attachment.get("sha256").asString()).isEqualTo(sha256(PNG));
        assertThat(attachment.get("addedBy").asString()).isEqualTo("sup.ma");
        assertThat(attachment.hasNonNull("addedAt")).isTrue();

        byte[] text = "this is text pretending to be a photo".getBytes(StandardCharsets.UTF_8);
        assertNamesFile(upload(id, "fake.png", "image/png", text, quality), 415);
        assertNamesFile(upload(id, "fake.png", "application/octet-stream", text, customerManager), 415);
        assertNamesFile(upload(id, "photo.jpg", "image/jpeg", PNG, quality), 415);
        assertNamesFile(upload(id, "empty.png", "image/png", new byte[0], quality), 400);

        var list = api.get(BASE + "/" + id + "/attachments", manager);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get("totalItems").asLong()).isEqualTo(1);
        assertThat(list.body().get("items").get(0).get("id").asString()).isEqualTo(attachmentId);
        assertThat(api.get(BASE + "/" + id + "/attachments", technician).status()).isEqualTo(403);

        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + BASE + "/" + id + "/attachments/" + attachmentId))
                .header("Authorization", "Bearer " + token("td.gao", "TECHNICAL_DIRECTOR")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PNG);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(api.download(BASE + "/" + id + "/attachments/" + attachmentId, frontDesk, "*/*").status())
                .isEqualTo(403);
        assertThat(api.get(BASE + "/" + id + "/attachments/" + UUID.randomUUID(), quality).status()).isEqualTo(404);
        assertThat(upload(UUID.randomUUID().toString(), "a.png", "image/png", PNG, quality).status()).isEqualTo(404);

        UUID report = UUID.fromString(id);
        assertThatThrownBy(() -> jdbc.sql("UPDATE improvement_attachment SET file_name = 'x' WHERE report_id = :id")
                .param("id", report).update()).as("append-only").isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM improvement_attachment WHERE report_id = :id")
                .param("id", report).update()).as("append-only").isInstanceOf(DataAccessException.class);
    }

    @Test
    @DisplayName("QLT-05 too large: over attachment-max-size (10MB) → 413 naming file; a body over the server's multipart limit → 413 naming file too, never a 500")
    void QLT05_tooLarge() {
        String id = openReport("QLT05-BIG-" + UUID.randomUUID());
        assertNamesFile(upload(id, "big.png", "image/png", pngOf(10 * 1024 * 1024 + 1), quality), 413);
        assertNamesFile(upload(id, "huge.png", "image/png", pngOf(11 * 1024 * 1024 + 512 * 1024), quality), 413);
        assertThat(upload(id, "fits.png", "image/png", pngOf(10 * 1024 * 1024), quality).status()).isEqualTo(201);
        assertThat(api.get(BASE + "/" + id + "/attachments", quality).body().get("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    @DisplayName("QLT-05 at most 20 attachments per report (the 21st → 409)")
    void QLT05_mostAttachments() {
        String id = openReport("QLT05-MANY-" + UUID.randomUUID());
        for (int i = 0; i < 20; i++) {
            assertThat(upload(id, "p" + i + ".png", "image/png", PNG, quality).status()).as("attachment %d", i + 1)
                    .isEqualTo(201);
        }
        assertConflict(upload(id, "p21.png", "image/png", PNG, quality), "OPEN");
        assertThat(api.get(BASE + "/" + id + "/attachments?size=200", quality).body().get("totalItems").asLong())
                .isEqualTo(20);
    }

    @Test
    @DisplayName("QLT-05 actions recorded done by their owner or quality, once; verification refused (409) until all are done, then keeps its evidence; nothing attached to a CLOSED report")
    void QLT05_completionThenVerification() {
        String owner = "buyer-" + UUID.randomUUID().toString().substring(0, 8);
        String id = assignedReport(owner);
        var early = api.post(BASE + "/" + id + "/verification", ImprovementReportFlowTest.verification(true), secondQuality);
        assertConflict(early, "ACTIONS_ASSIGNED");
        assertThat(early.body().get("detail").asString()).contains("2 action(s) of round 1");

        Map<String, Object> note = Map.of("note", "Lot 2519 quarantined and returned");
        assertThat(api.post(completion(id, 1, "CORRECTIVE", 0), note, technician).status()).isEqualTo(403);
        assertThat(api.post(completion(id, 1, "CORRECTIVE", 0), note, token("prod.he", "SUPERVISOR")).status())
                .as("not the owner").isEqualTo(403);
        var byOwner = api.post(completion(id, 1, "CORRECTIVE", 0), note, token(owner, "FINANCE"));
        assertThat(byOwner.status()).as(String.valueOf(byOwner.body())).isEqualTo(200);
        assertThat(byOwner.body().get("completedBy").asString()).isEqualTo(owner);
        assertThat(byOwner.body().get("note").asString()).isEqualTo("Lot 2519 quarantined and returned");
        assertConflict(api.post(completion(id, 1, "CORRECTIVE", 0), note, quality), "ACTIONS_ASSIGNED");
        assertThat(api.post(completion(id, 1, "CORRECTIVE", 3), note, quality).status()).isEqualTo(404);
        assertThat(api.post(completion(id, 2, "CORRECTIVE", 0), note, quality).status()).isEqualTo(404);
        assertConflict(api.post(BASE + "/" + id + "/verification", ImprovementReportFlowTest.verification(true),
                secondQuality), "ACTIONS_ASSIGNED");
        assertThat(api.post(completion(id, 1, "PREVENTIVE", 0), Map.of("note", "Humidity test added"), secondQuality)
                .status()).as("quality records any action done").isEqualTo(200);

        var verified = api.post(BASE + "/" + id + "/verification", ImprovementReportFlowTest.verification(true),
                secondQuality);
        assertThat(verified.status()).as(String.valueOf(verified.body())).isEqualTo(200);
        assertThat(verified.body().get("state").asString()).isEqualTo("VERIFIED");
        assertThat(verified.body().get("verifications").get(0).get("evidence").asString())
                .isEqualTo("30 units of lot 2520 sampled; field returns for 30 days");
        assertThat(verified.body().get("completions").size()).isEqualTo(2);
        assertConflict(api.post(completion(id, 1, "PREVENTIVE", 0), note, quality), "VERIFIED");

        assertThat(upload(id, "after.pdf", "application/pdf", "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII),
                customerManager).status()).as("still open for evidence until closed").isEqualTo(201);
        assertThat(api.post(BASE + "/" + id + "/close", null, manager).status()).isEqualTo(200);
        assertConflict(upload(id, "late.png", "image/png", PNG, quality), "CLOSED");

        UUID report = UUID.fromString(id);
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM improvement_action_completion WHERE report_id = :id")
                .param("id", report).update()).as("append-only").isInstanceOf(DataAccessException.class);
    }

    @Test
    @DisplayName("QLT-05 two concurrent completions of one action → one 200, one 409")
    void QLT05_concurrentCompletions() throws Exception {
        String owner = "owner-" + UUID.randomUUID().toString().substring(0, 8);
        String id = assignedReport(owner);
        List<Integer> statuses = atOnce(List.of(
                () -> api.post(completion(id, 1, "CORRECTIVE", 0), Map.of("note", "by the owner"),
                        token(owner, "STOREKEEPER")).status(),
                () -> api.post(completion(id, 1, "CORRECTIVE", 0), Map.of("note", "by quality"), quality).status()));
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(api.get(BASE + "/" + id, quality).body().get("completions").size()).isEqualTo(1);
    }

    @Test
    @DisplayName("QLT-05 overdue actions: due before today (company zone) and not done, with days overdue; ?owner=, /mine; done ones drop off; the wrong roles 403")
    void QLT05_overdueActions() {
        String owner = "prod-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(COMPANY);
        UUID report = UUID.randomUUID();
        // due dates in the past cannot be assigned through the API: the report as it stands days after assignment
        jdbc.sql("""
                INSERT INTO improvement_report (id, origin, product_model, state, problem, affected_quantity,
                    action_round, opened_by, opened_at, version)
                VALUES (:id, 'MANUAL', :model, 'ACTIONS_ASSIGNED', 'Knob loose', 1, 1, 'qe.sun', now(), 3)
                """).param("id", report).param("model", "QLT05-DUE-" + owner).update();
        Object[][] actions = {{"CORRECTIVE", 0, today.minusDays(1)}, {"CORRECTIVE", 1, today},
                {"PREVENTIVE", 0, today.minusDays(3)}, {"PREVENTIVE", 1, today.minusDays(10)}};
        for (Object[] a : actions) {
            jdbc.sql("""
                    INSERT INTO improvement_action (report_id, round, kind, position, description, owner, due_date,
                        assigned_by, assigned_at)
                    VALUES (:id, 1, :kind, :position, :description, :owner, :due, 'qe.sun', now())
                    """).param("id", report).param("kind", a[0]).param("position", a[1])
                    .param("description", "fix " + a[0] + " " + a[1])
                    .param("owner", a[0].equals("PREVENTIVE") && a[1].equals(1) ? "someone-else-" + owner : owner)
                    .param("due", a[2]).update();
        }
        String ownerToken = token(owner, "SUPERVISOR");
        assertThat(api.post(completion(report.toString(), 1, "PREVENTIVE", 0), Map.of("note", "done late"), ownerToken)
                .status()).isEqualTo(200);

        var overdue = api.get("/api/quality/improvement-actions/overdue?owner=" + owner, manager);
        assertThat(overdue.status()).isEqualTo(200);
        assertThat(overdue.body().get("totalItems").asLong()).isEqualTo(1);
        JsonNode row = overdue.body().get("items").get(0);
        assertThat(row.get("reportId").asString()).isEqualTo(report.toString());
        assertThat(row.get("round").asInt()).isEqualTo(1);
        assertThat(row.get("kind").asString()).isEqualTo("CORRECTIVE");
        assertThat(row.get("position").asInt()).isZero();
        assertThat(row.get("description").asString()).isEqualTo("fix CORRECTIVE 0");
        assertThat(row.get("owner").asString()).isEqualTo(owner);
        assertThat(row.get("dueDate").asString()).isEqualTo(today.minusDays(1).toString());
        assertThat(row.get("daysOverdue").asLong()).isEqualTo(1);

        var everyone = api.get("/api/quality/improvement-actions/overdue?size=200", token("td.gao", "TECHNICAL_DIRECTOR"));
        assertThat(everyone.body().get("items").valueStream()
                .filter(r -> r.get("reportId").asString().equals(report.toString()))
                .map(r -> r.get("daysOverdue").asLong()).toList()).containsExactlyInAnyOrder(1L, 10L);
        for (String wrong : List.of(customerManager, supervisor, frontDesk, technician)) {
            assertThat(api.get("/api/quality/improvement-actions/overdue", wrong).status()).isEqualTo(403);
        }

        var mine = api.get("/api/quality/improvement-actions/mine", ownerToken);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body().get("items").valueStream().map(r -> r.get("kind").asString() + r.get("position").asInt()
                + ":" + r.get("overdue").asBoolean()).toList()).containsExactly("CORRECTIVE0:true", "CORRECTIVE1:false");
        assertThat(api.get("/api/quality/improvement-actions/mine?overdue=true", ownerToken).body().get("totalItems")
                .asLong()).isEqualTo(1);
        assertThat(api.get("/api/quality/improvement-actions/mine", frontDesk).status()).isEqualTo(403);

        assertThat(api.post(completion(report.toString(), 1, "CORRECTIVE", 0), Map.of("note", "fixed"), ownerToken)
                .status()).isEqualTo(200);
        assertThat(api.get("/api/quality/improvement-actions/overdue?owner=" + owner, quality).body().get("totalItems")
                .asLong()).isZero();
    }

    @Test
    @DisplayName("QLT-05 QLT-06 openForAlert opens one report per alert (origin ALERT), also when called twice at once; opening one by hand for that alert → 409 naming it")
    void QLT05_onePerAlert() throws Exception {
        UUID alert = UUID.randomUUID();
        String model = "QLT05-ALERT-" + UUID.randomUUID();
        List<UUID> ids = atOnce(List.of(
                () -> reports.openForAlert(alert, model, "12 drain pump failures in 30 days", 12, "qe.sun"),
                () -> reports.openForAlert(alert, model, "12 drain pump failures in 30 days", 12, "qe.sun")));
        assertThat(ids.get(0)).isEqualTo(ids.get(1));
        assertThat(reports.openForAlert(alert, model, "again", 3, "qe.wang")).isEqualTo(ids.get(0));
        JsonNode report = api.get(BASE + "/" + ids.get(0), quality).body();
        assertThat(report.get("origin").asString()).isEqualTo("ALERT");
        assertThat(report.get("alertId").asString()).isEqualTo(alert.toString());
        assertThat(report.get("productModel").asString()).isEqualTo(model);
        assertThat(report.get("problem").asString()).isEqualTo("12 drain pump failures in 30 days");
        assertThat(report.get("affectedQuantity").asInt()).isEqualTo(12);
        assertThat(report.get("state").asString()).isEqualTo("OPEN");

        var byHand = api.post(BASE, Map.of("alertId", alert.toString(), "problem", "x", "productModel", model,
                "affectedQuantity", 1), quality, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(byHand.status()).isEqualTo(409);
        assertThat(byHand.body().get("reportId").asString()).isEqualTo(ids.get(0).toString());
        assertThat(jdbc.sql("SELECT count(*) FROM improvement_report WHERE alert_id = :alert").param("alert", alert)
                .query(Long.class).single()).isEqualTo(1);
    }
}
