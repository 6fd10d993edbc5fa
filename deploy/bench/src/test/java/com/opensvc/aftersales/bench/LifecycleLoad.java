package com.opensvc.aftersales.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * P3's scripted actors, the warranty-repair path of deploy/local's {@code LifecycleActors} (the minimal driver, copied
 * rather than shared: the benchmark runs the packaged jar and has no test classpath of deploy/local): the front desk
 * registers and accepts, the supervisor assigns the work order (overriding capacity, on record, when the demo
 * technicians are full), the storekeeper receives what backorders ask for, the technician records the fixed visit with
 * the parts, the revisit agent answers the happy call — all through the gateway with each role's token. Each ticket has
 * its own virtual thread that looks at the ticket every {@code look} and takes the step its state calls for.
 */
final class LifecycleLoad {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> TERMINAL = Set.of("CLOSED", "CANCELLED", "REJECTED", "RESOLVED_REMOTELY",
            "DECLINED_PAID_SERVICE");

    /** What became of one registered ticket. */
    record Outcome(UUID ticket, String finalState, String lastRefusal) {
    }

    private final PlatformProcess platform;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> refusals = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong receipts = new AtomicLong();
    private final Duration look;

    LifecycleLoad(PlatformProcess platform, Duration look) {
        this.platform = platform;
        this.look = look;
    }

    /** Registers at {@code perSecond} for {@code duration}; each ticket is worked until terminal or {@code until}. */
    List<Outcome> run(double perSecond, Duration duration, Duration drain) throws Exception {
        long interval = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long until = end + drain.toNanos();
        List<Thread> workers = new ArrayList<>();
        List<Outcome> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread storekeeper = Thread.ofVirtual().start(() -> {
            while (System.nanoTime() < until && !Thread.currentThread().isInterrupted()) {
                try {
                    storekeeperRound();
                    Thread.sleep(2_000);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    refused("storekeeper: " + e.getMessage());
                }
            }
        });
        for (long next = start; next < end; next += interval) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            long n = sequence.incrementAndGet();
            workers.add(Thread.ofVirtual().start(() -> outcomes.add(work(n, until))));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        storekeeper.interrupt();
        storekeeper.join();
        return outcomes;
    }

    /**
     * P2's traffic: registrations only, at {@code perSecond} for {@code duration}, each on its own virtual thread,
     * straight to intake's port (the hop starts at intake's outbox; the gateway is not part of it). Answers the
     * failed registrations by kind.
     */
    Map<String, Long> register(double perSecond, Duration duration) throws InterruptedException {
        long interval = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Thread> senders = new ArrayList<>();
        for (long next = start; next < end; next += interval) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            long n = sequence.incrementAndGet() + 5_000_000L;
            senders.add(Thread.ofVirtual().start(() -> {
                try {
                    // a 503 "busy" (no database connection in time) asks to retry after Retry-After: as a client would
                    Answer answer = null;
                    for (int attempt = 0; attempt < 5 && (answer == null || answer.status() == 503); attempt++) {
                        if (answer != null) {
                            refused("retried: HTTP 503 " + answer.body().path("title").asString(""));
                            Thread.sleep(1_000);
                        }
                        answer = send(HttpRequest.newBuilder(platform.service("intake", "/api/intake/tickets"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(registration(n)))),
                                "front-desk", "/api/intake/tickets");
                    }
                    answer.require(201, "register");
                } catch (RuntimeException e) {
                    refused(e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread sender : senders) {
            sender.join();
        }
        return refusals();
    }

    Map<String, Long> refusals() {
        Map<String, Long> counts = new TreeMap<>();
        refusals.forEach((k, v) -> counts.put(k, v.get()));
        return counts;
    }

    private Outcome work(long n, long until) {
        UUID ticket = null;
        String state = "UNREGISTERED";
        String lastRefusal = null;
        while (System.nanoTime() < until) {
            try {
                if (ticket == null) {
                    Answer registered = post("/api/intake/tickets", registration(n), "front-desk");
                    ticket = UUID.fromString(registered.require(201, "register").get("id").asString());
                } else {
                    state = get("/api/intake/tickets/" + ticket, "front-desk").require(200, "ticket").get("state")
                            .asString();
                    if (TERMINAL.contains(state)) {
                        return new Outcome(ticket, state, lastRefusal);
                    }
                    step(ticket, state);
                }
            } catch (RuntimeException e) {
                lastRefusal = e.getMessage();
                refused(e.getMessage());
            }
            try {
                Thread.sleep(look.toMillis());
            } catch (InterruptedException e) {
                break;
            }
        }
        return new Outcome(ticket, state, lastRefusal);
    }

    private void step(UUID ticket, String state) {
        switch (state) {
            case "REGISTERED" -> post("/api/intake/tickets/" + ticket + "/accept", null, "front-desk").require(200,
                    "accept");
            case "ACCEPTED", "IN_SERVICE" -> workOrder(ticket);
            case "RESOLVED" -> happyCall(ticket);
            default -> {
            }
        }
    }

    private void workOrder(UUID ticket) {
        JsonNode orders = get("/api/dispatch/work-orders?ticketId=" + ticket + "&size=200", "supervisor")
                .require(200, "work orders").get("items");
        JsonNode order = null;
        for (JsonNode candidate : orders) {
            if (!Set.of("COMPLETED", "CANCELLED").contains(candidate.get("state").asString())) {
                order = candidate;
            }
        }
        if (order == null) {
            return;   // the work order is still on its way (TicketAccepted → dispatch)
        }
        String id = order.get("id").asString();
        switch (order.get("state").asString()) {
            case "NEW" -> assign(order);
            case "ON_HOLD" -> {
                if (!order.path("hold").path("forQuote").asBoolean(false)) {
                    post("/api/dispatch/work-orders/" + id + "/release", null, "supervisor").require(200, "release");
                }
            }
            case "READY" -> fixed(order);
            default -> {
            }
        }
    }

    /** DSP-02, as LifecycleActors: confirm the proposal, or name a technician with an explicit capacity override. */
    private void assign(JsonNode order) {
        Map<String, Object> body = new HashMap<>();
        if (!order.hasNonNull("proposedTechnician")) {
            body.put("technicianId", "tech.north");
            body.put("overrideCapacity", true);
            body.put("overrideReason", "benchmark load beyond the demo technicians' daily capacity");
        }
        String path = "/api/dispatch/work-orders/" + order.get("id").asString() + "/assignment";
        Answer confirmed = post(path, body, "supervisor");
        if (confirmed.status() == 400 && String.valueOf(confirmed.body()).contains("CAPACITY")) {
            body.put("overrideCapacity", true);
            body.put("overrideReason", "benchmark load beyond the demo technicians' daily capacity");
            confirmed = post(path, body, "supervisor");
        }
        confirmed.require(200, "assign");
    }

    /** DSP-05: the assigned technician records the fixed visit with the expected parts. */
    private void fixed(JsonNode order) {
        String technician = order.get("technician").asString();
        List<Map<String, Object>> used = new ArrayList<>();
        int i = 0;
        for (JsonNode part : order.path("expectedParts")) {
            used.add(Map.of("partNumber", part.get("partNumber").asString(), "quantity", part.get("quantity").asInt(),
                    "newSerial", "NEW-" + order.get("id").asString() + "-" + i, "oldSerial",
                    "OLD-" + order.get("id").asString() + "-" + i++));
        }
        Map<String, Object> visit = new HashMap<>(Map.of("outcome", "FIXED", "symptom", "fault as reported",
                "causeCode", "C-BENCH", "actions", "replaced the worn part", "partsUsed", used, "labourMinutes", 45,
                "confirmation", Map.of("method", "CODE", "code", "C" + Math.abs(order.get("id").asString().hashCode()
                        % 100_000)), "customerRating", "SATISFIED"));
        if ("PAID".equals(order.path("entitlement").asString())) {
            visit.put("charges", Map.of("lines", List.of(Map.of("kind", "SERVICE", "description", "labour 45 min",
                    "amount", 120.00))));
            visit.put("payment", Map.of("method", "INVOICED", "reference", "INV-" + order.get("id").asString()));
        }
        post("/api/dispatch/work-orders/" + order.get("id").asString() + "/visits", visit, technician)
                .require(200, "visit");
    }

    /** REV-05: the revisit agent calls a scheduled happy call; the customer is satisfied. */
    private void happyCall(UUID ticket) {
        JsonNode revisits = get("/api/revisit/revisits?ticketId=" + ticket, "revisit-agent").require(200, "revisits");
        for (JsonNode revisit : revisits) {
            if (!revisit.get("state").asString().equals("SCHEDULED") || revisit.path("onHold").asBoolean(false)) {
                continue;
            }
            post("/api/revisit/revisits/" + revisit.get("id").asString() + "/outcome", Map.of("serviceQuality",
                    "SATISFIED", "technicalSkill", "SATISFIED", "chargeReasonable", true, "punctuality", "SATISFIED",
                    "overall", "SATISFIED", "comment", "benchmark"), "revisit-agent").require(200, "happy call");
        }
    }

    /** PRT-01: the storekeeper receives into each store what its open backorders ask for. */
    private void storekeeperRound() {
        JsonNode open = get("/api/parts/backorders?status=OPEN&size=200", "storekeeper").require(200, "backorders")
                .path("items");
        Map<String, Map<String, Integer>> needed = new HashMap<>();
        for (JsonNode backorder : open) {
            for (JsonNode line : backorder.path("lines")) {
                needed.computeIfAbsent(backorder.get("location").asString(), l -> new TreeMap<>())
                        .merge(line.get("partNumber").asString(), line.get("quantity").asInt(), Integer::sum);
            }
        }
        needed.forEach((store, parts) -> {
            List<Map<String, Object>> lines = new ArrayList<>();
            parts.forEach((part, quantity) -> lines.add(Map.of("partNumber", part, "quantity", quantity)));
            long n = receipts.incrementAndGet();
            post("/api/parts/receipts", Map.of("location", store, "reference", "PL-BENCH-" + n, "lines", lines),
                    "storekeeper").require(201, "receipt");
        });
    }

    private Map<String, Object> registration(long n) {
        Map<String, Object> body = new HashMap<>();
        body.put("customer", Map.of("name", "Bench Lifecycle " + n, "phone", String.format("+86 736 %07d", n % 10_000_000),
                "region", "NORTH"));
        body.put("productModel", "AC-3200");
        body.put("productLine", "AIR_CONDITIONER");
        body.put("serialNumber", "SN-BENCH-LC-" + n);
        body.put("shipDate", LocalDate.now(ZoneOffset.UTC).minusDays(40).toString());
        body.put("faultDescription", "Unit does not cool; compressor clicks");
        body.put("channel", "PHONE");
        body.put("kind", "SERVICE_REQUEST");
        body.put("category", "REPAIR");
        body.put("serviceType", "ON_SITE");
        body.put("expectedParts", List.of(Map.of("partNumber", "FLT-200", "quantity", 1)));
        return body;
    }

    private void refused(String what) {
        String kind = what == null ? "?" : what.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "<id>");
        refusals.computeIfAbsent(kind.length() > 160 ? kind.substring(0, 160) : kind, k -> new AtomicLong())
                .incrementAndGet();
    }

    private String token(String clientId) {
        return tokens.computeIfAbsent(clientId, id -> {
            try {
                return platform.token(id);
            } catch (Exception e) {
                throw new IllegalStateException("token for " + id, e);
            }
        });
    }

    record Answer(int status, JsonNode body, String what) {
        JsonNode require(int expected, String step) {
            if (status != expected) {
                throw new IllegalStateException(step + ": HTTP " + status + " " + body);
            }
            return body;
        }
    }

    private Answer get(String path, String role) {
        return send(HttpRequest.newBuilder(platform.gateway(path)).GET(), role, path);
    }

    private Answer post(String path, Object body, String role) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        return send(HttpRequest.newBuilder(platform.gateway(path)).header("Content-Type", "application/json")
                .POST(publisher), role, path);
    }

    private Answer send(HttpRequest.Builder request, String role, String path) {
        try {
            HttpResponse<String> response = HTTP.send(request.header("Authorization", "Bearer " + token(role))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body() == null || response.body().isBlank() ? JSON.createObjectNode()
                    : JSON.readTree(response.body());
            return new Answer(response.statusCode(), body, path);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + path, e);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e.getClass().getSimpleName() + ": " + path, e);
        }
    }

}
