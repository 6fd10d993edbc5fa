package com.opensvc.aftersales.intake.knowledge;

import static com.opensvc.aftersales.intake.Tickets.fields;
import static com.opensvc.aftersales.intake.Tickets.ids;
import static com.opensvc.aftersales.intake.Tickets.phoneTicket;
import static com.opensvc.aftersales.testkit.RestApi.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.opensvc.aftersales.contracts.EventContracts;
import com.opensvc.aftersales.intake.IntakeServiceTest;
import com.opensvc.aftersales.intake.Tickets;
import com.opensvc.aftersales.testkit.EventProbe;
import com.opensvc.aftersales.testkit.ProbeTopics;
import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntakeServiceTest
@ProbeTopics("aftersales.intake.ticket")
class KnowledgeApiTest {
    private static final String ARTICLES = "/api/intake/knowledge/articles";

    @Autowired
    JdbcClient jdbc;

    private RestApi api;
    private EventProbe probe;
    private final String desk = token("desk.li", "FRONT_DESK");
    private final String supervisor = token("sup.wang", "SUPERVISOR");
    private final String technician = token("tech.north", "TECHNICIAN");

    @Test
    @DisplayName("INT-09 model filter and ranking: the model's article above its product line's, above all models'; other models excluded")
    void INT09_modelSpecificRanksAboveGeneric() {
        String word = uniqueWord();
        String model = "M-" + word;
        String line = "LINE-" + word;
        String text = word + " unit does not cool";
        // created most specific first: the newest-first tie-break alone would list them the other way round
        UUID specific = publish(article(text, text, List.of("Clean the filter."), List.of(), List.of(model), line));
        UUID lineWide = publish(article(text, text, List.of("Clean the filter."), List.of(), List.of(), line));
        UUID generic = publish(article(text, text, List.of("Clean the filter."), List.of(), List.of(), null));
        UUID otherModel = publish(article(text, text, List.of("Clean the filter."), List.of(), List.of("OTHER-" + word), line));

        JsonNode page = search("model=" + model + "&q=" + word + "%20not%20cooling", desk);

        List<String> ids = ids(page);
        assertThat(ids).containsSubsequence(specific.toString(), lineWide.toString(), generic.toString())
                .doesNotContain(otherModel.toString());
        assertThat(page.get("productLine").asString()).as("line inferred from the model's articles").isEqualTo(line);
        JsonNode first = page.get("items").get(0);
        assertThat(first.get("id").asString()).isEqualTo(specific.toString());
        assertThat(first.get("scope").asString()).isEqualTo("MODEL");
        assertThat(item(page, lineWide).get("scope").asString()).isEqualTo("PRODUCT_LINE");
        assertThat(item(page, generic).get("scope").asString()).isEqualTo("ALL_MODELS");
        assertThat(first.get("rank").asDouble()).isGreaterThan(item(page, lineWide).get("rank").asDouble());
        assertThat(item(page, lineWide).get("rank").asDouble()).isGreaterThan(item(page, generic).get("rank").asDouble());

        JsonNode noModel = search("q=" + word, desk);
        assertThat(ids(noModel)).contains(generic.toString(), lineWide.toString(), specific.toString(), otherModel.toString());
    }

    @Test
    @DisplayName("INT-09 symptom words outrank solution words; stemming (cooling finds cool); partial words are prefixes; snippet highlights")
    void INT09_symptomStemmingPrefix() {
        String word = uniqueWord();
        String model = "M-" + word;
        UUID inSymptom = publish(article(word + " compressor clicks", "The unit does not cool and the compressor clicks",
                List.of("Check the " + word + " fuse."), List.of("capacitor"), List.of(model), null));
        UUID inSolution = publish(article(word + " fan is loud", "The fan is loud at night",
                List.of("Listen whether the compressor clicks."), List.of(), List.of(model), null));

        JsonNode clicks = search("model=" + model + "&q=" + word + "%20compressor", desk);
        assertThat(ids(clicks)).containsSubsequence(inSymptom.toString(), inSolution.toString());
        assertThat(clicks.get("matchMode").asString()).isEqualTo("ALL");

        JsonNode stemmed = search("model=" + model + "&q=" + word + "%20cooling", desk);
        assertThat(ids(stemmed)).contains(inSymptom.toString()).doesNotContain(inSolution.toString());
        assertThat(item(stemmed, inSymptom).get("snippet").asString()).contains("<mark>cool</mark>");

        JsonNode partial = search("model=" + model + "&q=compres%20" + word, desk);
        assertThat(ids(partial)).startsWith(inSymptom.toString()).contains(inSolution.toString());
        assertThat(item(partial, inSymptom).get("rank").asDouble()).isPositive();

        JsonNode keyword = search("model=" + model + "&q=" + word + "%20capacitor", desk);
        assertThat(ids(keyword)).containsExactly(inSymptom.toString());
    }

    @Test
    @DisplayName("INT-09 synonyms: 'leaking' finds 'drip', 'AC' finds 'air conditioner'")
    void INT09_synonyms() {
        String word = uniqueWord();
        String model = "M-" + word;
        UUID drip = publish(article(word + " water drips under the unit", "Water drips from the indoor unit",
                List.of("Clear the drain hose."), List.of(), List.of(model), null));
        UUID airConditioner = publish(article(word + " air conditioner smells", "The air conditioner smells musty",
                List.of("Clean the evaporator."), List.of(), List.of(model), null));

        assertThat(ids(search("model=" + model + "&q=" + word + "%20leaking", desk))).containsExactly(drip.toString());
        assertThat(ids(search("model=" + model + "&q=AC%20" + word, desk))).containsExactly(airConditioner.toString());
    }

    @Test
    @DisplayName("INT-09 AND falls back to OR, then to trigram similarity for a typo")
    void INT09_fallbacks() {
        String word = uniqueWord();
        String model = "M-" + word;
        UUID article = publish(article("Compressor clicks loudly " + word, "Loud compressor clicks " + word,
                List.of("Check the start capacitor."), List.of(), List.of(model), null));

        JsonNode any = search("model=" + model + "&q=" + word + "%20zebra%20giraffe", desk);
        assertThat(any.get("matchMode").asString()).isEqualTo("ANY");
        assertThat(ids(any)).startsWith(article.toString());

        JsonNode typo = search("model=" + model + "&q=compresor%20clicsk", desk);
        assertThat(typo.get("matchMode").asString()).isEqualTo("SIMILAR");
        assertThat(ids(typo)).startsWith(article.toString());

        Integer trgm = jdbc.sql("SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'").query(Integer.class).single();
        assertThat(trgm).as("pg_trgm created by V6").isEqualTo(1);
    }

    @Test
    @DisplayName("INT-09 hostile search input (tsquery syntax, SQL) answers 200 with results or none, never 500")
    void INT09_hostileInputIsSafe() {
        String word = uniqueWord();
        String model = "M-" + word;
        UUID article = publish(article(word + " foo unit", "foo symptom", List.of("Step."), List.of(), List.of(model), null));
        List<String> inputs = List.of("foo & | ! ( ':*", word + " & | ! ( ':*", "':*", "&&&", "!(", "a:*b", "<->", "foo:A",
                "(((", "\\", "'; DROP TABLE knowledge_article; --", "%27%3B", "一 二", "ü:* & ö",
                "x".repeat(400), "");
        for (String input : inputs) {
            var response = api.get(ARTICLES + "?model=" + model + "&q=" + encode(input), desk);
            assertThat(response.status()).as(input).isEqualTo(200);
            assertThat(response.body().get("items").isArray()).as(input).isTrue();
        }
        assertThat(ids(search("model=" + model + "&q=" + encode(word + " & | ! ( ':*"), desk))).contains(article.toString());
        assertThat(ids(search("model=" + model + "&q=" + encode("foo & | ! ( ':*"), desk))).contains(article.toString());
        assertThat(api.get(ARTICLES + "/" + article, desk).status()).isEqualTo(200);

        var nul = api.get(ARTICLES + "?model=" + model + "&q=" + encode("foo\u0000"), desk);
        assertThat(nul.status()).as("a NUL is refused by the platform's input rules (issue 11)").isEqualTo(400);
        assertThat(fields(nul.body())).containsExactly("q");

        var tooLong = api.get(ARTICLES + "?q=" + "y".repeat(501), desk);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(fields(tooLong.body())).containsExactly("q");
    }

    @Test
    @DisplayName("INT-09 paging: page, size, totalElements, totalPages; pages do not overlap; bad paging names the field")
    void INT09_paging() {
        String word = uniqueWord();
        String model = "M-" + word;
        for (int i = 0; i < 5; i++) {
            publish(article(word + " article " + i, "symptom " + word, List.of("Step " + i), List.of(), List.of(model), null));
        }
        JsonNode first = search("model=" + model + "&q=" + word + "&page=0&size=2", desk);
        JsonNode second = search("model=" + model + "&q=" + word + "&page=1&size=2", desk);
        JsonNode last = search("model=" + model + "&q=" + word + "&page=2&size=2", desk);
        JsonNode beyond = search("model=" + model + "&q=" + word + "&page=9&size=2", desk);

        assertThat(first.get("totalElements").asLong()).isEqualTo(5);
        assertThat(first.get("totalPages").asInt()).isEqualTo(3);
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(ids(first)).hasSize(2);
        assertThat(ids(second)).hasSize(2).doesNotContainAnyElementsOf(ids(first));
        assertThat(ids(last)).hasSize(1).doesNotContainAnyElementsOf(ids(first)).doesNotContainAnyElementsOf(ids(second));
        assertThat(ids(beyond)).isEmpty();
        assertThat(beyond.get("totalElements").asLong()).isEqualTo(5);

        // the platform's one paging parameter checks page, then size, before the filters are looked at
        var bad = api.get(ARTICLES + "?page=-1&size=0&status=GONE", desk);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad.body())).containsExactly("page");
        assertThat(fields(api.get(ARTICLES + "?size=0", desk).body())).containsExactly("size");
        assertThat(fields(api.get(ARTICLES + "?status=GONE", desk).body())).containsExactly("status");
        assertThat(fields(api.get(ARTICLES + "?page=99999999999", desk).body())).containsExactly("page");
        assertThat(api.get(ARTICLES + "?page=2147483647&size=20", desk).status()).isEqualTo(200);
        assertThat(fields(api.get(ARTICLES + "?size=abc", desk).body())).containsExactly("size");
    }

    @Test
    @DisplayName("INT-09 INT-13 INT-18 resolve remotely: RESOLVED_REMOTELY, solution on the timeline, usage counted, TicketResolvedRemotely valid, no work order")
    void INT09_resolveRemotely() {
        UUID article = publish(article("AC does not cool " + uniqueWord(), "Unit runs but does not cool",
                List.of("Clean the filter."), List.of(), List.of("AC-3200"), "AIR_CONDITIONER"));
        JsonNode before = api.get(ARTICLES + "/" + article, supervisor).body();
        String ticketId = register();

        var response = api.post("/api/intake/tickets/" + ticketId + "/resolve-remotely",
                Map.of("articleId", article.toString(), "solution", "Customer cleaned the air filter; cools again."), desk);

        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        assertThat(response.body().get("ticket").get("state").asString()).isEqualTo("RESOLVED_REMOTELY");
        assertThat(response.body().get("ticket").get("workOrderId").isNull()).isTrue();
        JsonNode used = api.get(ARTICLES + "/" + article, supervisor).body();
        assertThat(before.get("usageCount").asInt()).isZero();
        assertThat(before.get("lastUsedAt").isNull()).isTrue();
        assertThat(used.get("usageCount").asInt()).isEqualTo(1);
        assertThat(used.get("lastUsedAt").isNull()).isFalse();
        assertThat(used.get("version").asInt()).as("a use is not an edit").isEqualTo(before.get("version").asInt());

        JsonNode timeline = api.get("/api/intake/tickets/" + ticketId + "/timeline", desk).body();
        assertThat(timeline.valueStream().filter(e -> "RESOLVED_REMOTELY".equals(e.get("type").asString())).toList())
                .singleElement().satisfies(e -> {
                    assertThat(e.get("actor").asString()).isEqualTo("desk.li");
                    assertThat(e.get("fromState").asString()).isEqualTo("REGISTERED");
                    assertThat(e.get("detail").asString()).contains("cleaned the air filter", article.toString());
                });

        ConsumerRecord<String, String> record = probe.awaitType("TicketResolvedRemotely", ticketId, Duration.ofSeconds(30));
        assertThat(EventContracts.load().validate(EventProbe.header(record, "ce_type"), record.value())).isEmpty();
        JsonNode payload = JsonMapper.builder().build().readTree(record.value());
        assertThat(payload.get("articleId").asString()).isEqualTo(article.toString());
        assertThat(payload.get("actor").asString()).isEqualTo("desk.li");
        assertThat(record.value()).doesNotContain("2221234");
        List<ConsumerRecord<String, String>> rest = probe.drain(Duration.ofMillis(500));
        assertThat(rest).filteredOn(r -> ticketId.equals(r.key()))
                .noneMatch(r -> "TicketAccepted".equals(EventProbe.eventType(r)));

        var again = api.post("/api/intake/tickets/" + ticketId + "/resolve-remotely", Map.of("solution", "again"), desk);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("currentState").asString()).isEqualTo("RESOLVED_REMOTELY");
        var accept = api.post("/api/intake/tickets/" + ticketId + "/accept", null, desk);
        assertThat(accept.status()).as("terminal: no work order can follow").isEqualTo(409);
    }

    @Test
    @DisplayName("INT-09 INT-13 a ticket already accepted cannot be resolved remotely: 409 with currentState, nothing counted")
    void INT09_acceptedTicketIs409() {
        UUID article = publish(article("Accepted " + uniqueWord(), "symptom", List.of("Step."), List.of(), List.of("AC-3200"), null));
        String ticketId = register();
        assertThat(api.post("/api/intake/tickets/" + ticketId + "/accept", null, desk).status()).isEqualTo(200);

        var response = api.post("/api/intake/tickets/" + ticketId + "/resolve-remotely",
                Map.of("articleId", article.toString(), "solution", "Reset the unit."), desk);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.body().get("currentState").asString()).isEqualTo("ACCEPTED");
        assertThat(api.get(ARTICLES + "/" + article, desk).body().get("usageCount").asInt()).isZero();
    }

    @Test
    @DisplayName("INT-09 a solution that worked is captured as a DRAFT article for the ticket's model, used once")
    void INT09_captureDraftFromSolution() {
        String ticketId = register();
        String word = uniqueWord();
        var response = api.post("/api/intake/tickets/" + ticketId + "/resolve-remotely", Map.of(
                "solution", "Switch off at the mains for one minute.\nSwitch on in COOL mode " + word + ".",
                "createArticle", true, "articleTitle", "Display frozen " + word), desk);

        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        String captured = response.body().get("capturedArticleId").asString();
        JsonNode draft = api.get(ARTICLES + "/" + captured, supervisor).body();
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("title").asString()).isEqualTo("Display frozen " + word);
        assertThat(draft.get("solutionSteps")).hasSize(2);
        assertThat(draft.get("productModels").get(0).asString()).isEqualTo("AC-3200");
        assertThat(draft.get("sourceTicketId").asString()).isEqualTo(ticketId);
        assertThat(draft.get("usageCount").asInt()).isEqualTo(1);
        assertThat(draft.get("createdBy").asString()).isEqualTo("desk.li");

        assertThat(ids(search("q=" + word, desk))).as("drafts are not offered to the desk").doesNotContain(captured);
        assertThat(ids(search("q=" + word + "&status=DRAFT", supervisor))).contains(captured);
    }

    @Test
    @DisplayName("INT-09 SEC-01 roles: desk and technicians read, supervisors/quality/technical director write; others 403")
    void INT09_roles() {
        Map<String, Object> body = article("Roles " + uniqueWord(), "symptom", List.of("Step."), List.of(), List.of(), null);
        assertThat(api.get(ARTICLES + "?q=cool", technician).status()).isEqualTo(200);
        assertThat(api.get(ARTICLES + "?q=cool", token("store.keeper", "STOREKEEPER")).status()).isEqualTo(403);
        assertThat(api.post(ARTICLES, body, technician).status()).isEqualTo(403);
        assertThat(api.post(ARTICLES, body, desk).status()).isEqualTo(403);
        assertThat(api.post(ARTICLES, body, token("q.zhao", "QUALITY")).status()).isEqualTo(201);
        assertThat(api.post(ARTICLES, body, token("td.sun", "TECHNICAL_DIRECTOR")).status()).isEqualTo(201);
        UUID id = publish(body);
        assertThat(api.put(ARTICLES + "/" + id, body, desk, Map.of("If-Match", "\"1\"")).status()).isEqualTo(403);
        assertThat(api.post(ARTICLES + "/" + id + "/retire", null, desk, Map.of("If-Match", "\"1\"")).status()).isEqualTo(403);

        String ticketId = register();
        var forbidden = api.post("/api/intake/tickets/" + ticketId + "/resolve-remotely", Map.of("solution", "x"), technician);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(api.post("/api/intake/tickets/" + ticketId + "/resolve-remotely", Map.of("solution", " "),
                token("store.keeper", "STOREKEEPER")).status()).as("role before body").isEqualTo(403);
    }

    @Test
    @DisplayName("INT-09 SEC-05 edits need the current version in If-Match (412 stale, 428 missing); retire, never delete")
    void INT09_ifMatchAndRetire() {
        String word = uniqueWord();
        Map<String, Object> body = article(word + " edit me", "symptom", List.of("Step."), List.of(), List.of(), null);
        var created = api.post(ARTICLES, body, supervisor, Map.of("Idempotency-Key", "kb-" + word));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        String id = created.body().get("id").asString();
        var replay = api.post(ARTICLES, body, supervisor, Map.of("Idempotency-Key", "kb-" + word));
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.body().get("id").asString()).isEqualTo(id);

        Map<String, Object> edited = new HashMap<>(body);
        edited.put("symptom", "edited symptom " + word);
        var stale = api.put(ARTICLES + "/" + id, edited, supervisor, Map.of("If-Match", "\"7\""));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.body().get("currentVersion").asInt()).isZero();
        assertThat(api.put(ARTICLES + "/" + id, edited, supervisor, Map.of()).status()).isEqualTo(428);

        var ok = api.put(ARTICLES + "/" + id, edited, supervisor, Map.of("If-Match", created.header("ETag")));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("ETag")).isEqualTo("\"1\"");
        assertThat(ok.body().get("symptom").asString()).isEqualTo("edited symptom " + word);
        assertThat(ok.body().get("updatedBy").asString()).isEqualTo("sup.wang");

        assertThat(api.post(ARTICLES + "/" + id + "/publish", null, supervisor, Map.of("If-Match", "\"0\"")).status())
                .isEqualTo(412);
        var published = api.post(ARTICLES + "/" + id + "/publish", null, supervisor, Map.of("If-Match", "\"1\""));
        assertThat(published.status()).isEqualTo(200);
        assertThat(ids(search("q=" + word, desk))).contains(id);

        var retired = api.post(ARTICLES + "/" + id + "/retire", null, supervisor, Map.of("If-Match", published.header("ETag")));
        assertThat(retired.status()).isEqualTo(200);
        assertThat(retired.body().get("status").asString()).isEqualTo("RETIRED");
        assertThat(ids(search("q=" + word, desk))).doesNotContain(id);
        assertThat(ids(search("q=" + word + "&status=RETIRED", supervisor))).contains(id);
        var editRetired = api.put(ARTICLES + "/" + id, edited, supervisor, Map.of("If-Match", retired.header("ETag")));
        assertThat(editRetired.status()).isEqualTo(409);
        assertThat(editRetired.body().get("currentState").asString()).isEqualTo("RETIRED");

        assertThat(api.delete(ARTICLES + "/" + id, supervisor).status()).isEqualTo(405);
        assertThat(api.get(ARTICLES + "/" + id, desk).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("INT-09 a blank solution is refused naming the field; bad article fields are each named")
    void INT09_badInputNamesTheField() {
        String ticketId = register();
        var blank = api.post("/api/intake/tickets/" + ticketId + "/resolve-remotely", Map.of("solution", "  "), desk);
        assertThat(blank.status()).isEqualTo(400);
        assertThat(fields(blank.body())).containsExactly("solution");

        var unknownArticle = api.post("/api/intake/tickets/" + ticketId + "/resolve-remotely",
                Map.of("solution", "Reset.", "articleId", UUID.randomUUID().toString()), desk);
        assertThat(unknownArticle.status()).isEqualTo(400);
        assertThat(fields(unknownArticle.body())).containsExactly("articleId");
        assertThat(api.get("/api/intake/tickets/" + ticketId, desk).body().get("state").asString()).isEqualTo("REGISTERED");

        var notFound = api.post("/api/intake/tickets/" + UUID.randomUUID() + "/resolve-remotely", Map.of("solution", "x"), desk);
        assertThat(notFound.status()).isEqualTo(404);

        var badArticle = api.post(ARTICLES, Map.of("title", " ", "solutionSteps", List.of()), supervisor);
        assertThat(badArticle.status()).isEqualTo(400);
        assertThat(fields(badArticle.body())).contains("title", "symptom", "solutionSteps");
    }

    // --- helpers

    private static Map<String, Object> article(String title, String symptom, List<String> steps, List<String> keywords,
                                               List<String> models, String line) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("symptom", symptom);
        body.put("solutionSteps", steps);
        body.put("keywords", keywords);
        body.put("productModels", models);
        if (line != null) {
            body.put("productLine", line);
        }
        return body;
    }

    private UUID publish(Map<String, Object> body) {
        var created = api.post(ARTICLES, body, supervisor);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String id = created.body().get("id").asString();
        var published = api.post(ARTICLES + "/" + id + "/publish", null, supervisor, Map.of("If-Match", created.header("ETag")));
        assertThat(published.status()).as(published.body().toString()).isEqualTo(200);
        return UUID.fromString(id);
    }

    private JsonNode search(String query, String token) {
        var response = api.get(ARTICLES + "?" + query, token);
        assertThat(response.status()).as(query + " " + response.body()).isEqualTo(200);
        return response.body();
    }

    private String register() {
        String today = Tickets.today().toString();
        var response = api.post("/api/intake/tickets", phoneTicket("SN-KB-" + UUID.randomUUID(), today), desk);
        assertThat(response.status()).isEqualTo(201);
        return response.body().get("id").asString();
    }

    private static JsonNode item(JsonNode page, UUID id) {
        return page.get("items").valueStream().filter(i -> id.toString().equals(i.get("id").asString())).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in " + page));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A made-up word no other article uses, so tests sharing the database do not see each other's articles. */
    private static String uniqueWord() {
        String letters = "bcdfghjkmnpqrtvwxz";
        StringBuilder word = new StringBuilder("kb");
        for (int i = 0; i < 8; i++) {
            word.append(letters.charAt(ThreadLocalRandom.current().nextInt(letters.length())));
        }
        return word.toString();
    }
}
