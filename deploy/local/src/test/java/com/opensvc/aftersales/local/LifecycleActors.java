package com.opensvc.aftersales.local;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.opensvc.aftersales.testkit.RestApi;

import tools.jackson.databind.JsonNode;

/**
 * The people of an after-sales department as scripts: each round every actor looks at their own queue through the
 * gateway and takes the next step the ticket's planned path calls for. Nothing is injected behind the API.
 */
final class LifecycleActors {

    /** The scripted branches; the path a ticket really took may add what happened to it (sampling, backorder). */
    enum Path {
        WARRANTY_REPAIR("ON_SITE", "SERVICE_REQUEST", "REPAIR", 0, 300, "CLOSED"),
        CARRY_IN_REPAIR("CARRY_IN", "SERVICE_REQUEST", "REPAIR", 0, 300, "CLOSED"),
        INSTALLATION("INSTALLATION", "SERVICE_REQUEST", "INSTALLATION", 0, 3, "CLOSED"),
        BACKORDER_THEN_RECEIPT("ON_SITE", "SERVICE_REQUEST", "REPAIR", 40, 300, "CLOSED"),
        PAID_QUOTE_ACCEPTED("ON_SITE", "SERVICE_REQUEST", "REPAIR", 500, 900, "CLOSED"),
        PAID_QUOTE_DECLINED("ON_SITE", "SERVICE_REQUEST", "REPAIR", 500, 900, "DECLINED_PAID_SERVICE"),
        REMOTE_RESOLUTION("REMOTE", "INQUIRY", null, 0, 900, "RESOLVED_REMOTELY"),
        CANCELLED("ON_SITE", "SERVICE_REQUEST", "REPAIR", 0, 900, "CANCELLED"),
        COMPLAINT_REJECTED("ON_SITE", "COMPLAINT", "SERVICE_ATTITUDE", 0, 300, "REJECTED"),
        COMPLAINT_HANDLED("REMOTE", "COMPLAINT", "DELIVERY_DELAY", 0, 300, "CLOSED"),
        ENTITLEMENT_CHANGED("ON_SITE", "SERVICE_REQUEST", "REPAIR", 40, 300, "CLOSED"),
        DISSATISFIED_THEN_REOPENED("ON_SITE", "SERVICE_REQUEST", "REPAIR", 0, 300, "CLOSED"),
        UNREACHABLE_CUSTOMER("ON_SITE", "SERVICE_REQUEST", "REPAIR", 0, 300, "CLOSED");

        private final String serviceType;
        private final String kind;
        private final String category;
        private final int shipDaysFrom;
        private final int shipDaysTo;
        private final String expectedEnd;

        Path(String serviceType, String kind, String category, int shipDaysFrom, int shipDaysTo, String expectedEnd) {
            this.serviceType = serviceType;
            this.kind = kind;
            this.category = category;
            this.shipDaysFrom = shipDaysFrom;
            this.shipDaysTo = shipDaysTo;
            this.expectedEnd = expectedEnd;
        }

        String serviceType() {
            return serviceType;
        }

        Set<String> expectedEnd() {
            return Set.of(expectedEnd);
        }

        int shipDaysAgo(Random random) {
            return shipDaysFrom + random.nextInt(shipDaysTo - shipDaysFrom + 1);
        }
    }

    record Plan(Path path, String channel, String region, String productLine, int shipDaysAgo, int index) {
    }

    /** A registered ticket, what happened to it on the way, and where it ended. */
    static final class Planned {
        private final Plan plan;
        private final UUID id;
        private final String number;
        private final Set<String> happened = new LinkedHashSet<>();
        private final List<String> notes = new ArrayList<>();
        private String finalState = "REGISTERED";
        private int accepted;
        private boolean entitlementChanged;
        private boolean answeredDissatisfied;

        Planned(Plan plan, UUID id, String number) {
            this.plan = plan;
            this.id = id;
            this.number = number;
        }

        UUID id() {
            return id;
        }

        String number() {
            return number;
        }

        Path path() {
            return plan.path();
        }

        String finalState() {
            return finalState;
        }

        List<String> notes() {
            return notes;
        }

        Set<String> branches() {
            return happened;
        }
    }

    private final PlatformClient client;
    private final ZoneId zone;
    private final Map<String, String> tokens = new HashMap<>();
    private final AtomicInteger keys = new AtomicInteger();

    LifecycleActors(PlatformClient client, ZoneId zone) {
        this.client = client;
        this.zone = zone;
    }

    private String token(String clientId) {
        return tokens.computeIfAbsent(clientId, id -> {
            try {
                return client.token(id);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    // ---------------------------------------------------------------- the desk registers every ticket

    List<Planned> registerAll(List<Plan> plans) {
        setPrices();
        List<Planned> registered = new ArrayList<>();
        for (Plan plan : plans) {
            RestApi.Response response = client.post("/api/intake/tickets", registration(plan), token("front-desk"),
                    Map.of("Idempotency-Key", "lifecycle-" + plan.index()));
            require(response, 201, "register " + plan);
            registered.add(new Planned(plan, UUID.fromString(response.body().get("id").asString()),
                    response.body().get("number").asString()));
        }
        return registered;
    }

    /** INT-08: the storekeeper prices parts, finance labour and travel, before any quote. */
    private void setPrices() {
        for (String part : List.of("CMP-100", "FLT-200", "PCB-300")) {
            require(client.put("/api/intake/prices/parts/" + part, Map.of("cataloguePrice", new BigDecimal("120.00"),
                    "costPrice", new BigDecimal("80.00")), token("storekeeper")), 200, "part price " + part);
        }
        require(client.put("/api/intake/prices/labour/L-STD", Map.of("hourlyRate", new BigDecimal("60.00")),
                token("finance")), 200, "labour rate");
    }

    private Map<String, Object> registration(Plan plan) {
        Map<String, Object> body = new HashMap<>();
        String serial = "SN-LC-" + plan.index();
        body.put("customer", Map.of("name", "Lifecycle Customer " + plan.index(),
                "phone", String.format("+86 735 %07d", 3_000_000 + plan.index()), "region", plan.region()));
        body.put("productModel", plan.productLine().equals("LAUNDRY") ? "WM-800" : "AC-3200");
        body.put("productLine", plan.productLine());
        body.put("serialNumber", serial);
        body.put("shipDate", LocalDate.now(zone).minusDays(plan.shipDaysAgo()).toString());
        body.put("faultDescription", "Lifecycle path " + plan.path());
        body.put("channel", plan.channel());
        if (plan.channel().equals("INTERNAL_REFERRAL")) {
            body.put("referredBy", Map.of("name", "sales.region-" + plan.region().toLowerCase(), "department", "SALES"));
        }
        body.put("kind", plan.path().kind);
        if (plan.path().category != null) {
            body.put("category", plan.path().category);
        }
        body.put("serviceType", plan.path().serviceType);
        if (!plan.path().serviceType.equals("REMOTE")) {
            body.put("expectedParts", plan.path() == Path.BACKORDER_THEN_RECEIPT
                    ? List.of(Map.of("partNumber", "PCB-300", "quantity", 7))
                    : List.of(Map.of("partNumber", "FLT-200", "quantity", 1)));
        }
        return body;
    }

    // ---------------------------------------------------------------- the rounds

    void workUntilAllTerminal(List<Planned> tickets, Set<String> terminal, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        int rounds = 0;
        while (System.nanoTime() < deadline) {
            int open = 0;
            for (Planned ticket : tickets) {
                if (terminal.contains(ticket.finalState)) {
                    continue;
                }
                JsonNode current = client.get("/api/intake/tickets/" + ticket.id, token("front-desk")).body();
                ticket.finalState = current.get("state").asString();
                if (terminal.contains(ticket.finalState)) {
                    continue;
                }
                open++;
                try {
                    step(ticket, current);
                } catch (IllegalStateException refused) {
                    ticket.notes.add(refused.getMessage());
                }
            }
            if (open == 0) {
                return;
            }
            if (++rounds % 5 == 0) {
                storekeeperRound();
            }
            Thread.sleep(300);
        }
    }

    private void step(Planned ticket, JsonNode current) {
        Path path = ticket.plan.path();
        qualityEngineer(ticket);
        if (path == Path.COMPLAINT_HANDLED || ticket.answeredDissatisfied) {
            complaintHandlers(ticket, path);
        }
        switch (ticket.finalState) {
            case "REGISTERED" -> {
                if (path != Path.COMPLAINT_HANDLED) {
                    frontDesk(ticket, path);
                }
            }
            case "AWAITING_QUOTE" -> quote(ticket, path);
            case "REOPENED" -> accept(ticket, "reaccepted after reopen");
            case "ACCEPTED", "IN_SERVICE" -> workOrder(ticket, path);
            case "RESOLVED" -> revisitAgent(ticket, path);
            default -> {
            }
        }
    }

    private void frontDesk(Planned ticket, Path path) {
        String desk = token("front-desk");
        switch (path) {
            case REMOTE_RESOLUTION -> require(client.post("/api/intake/tickets/" + ticket.id + "/resolve-remotely",
                    Map.of("solution", "Reset the unit and cleaned the filter, as the manual says"), desk), 200,
                    "resolve remotely");
            case CANCELLED -> require(client.post("/api/intake/tickets/" + ticket.id + "/cancel",
                    Map.of("reason", "customer fixed it themselves"), desk), 200, "cancel");
            case PAID_QUOTE_ACCEPTED, PAID_QUOTE_DECLINED -> issueQuote(ticket);
            case COMPLAINT_REJECTED -> rejectComplaint(ticket);
            default -> accept(ticket, "accepted");
        }
    }

    private void accept(Planned ticket, String what) {
        require(client.post("/api/intake/tickets/" + ticket.id + "/accept", null, token("front-desk")), 200, what);
        ticket.accepted++;
    }

    private void issueQuote(Planned ticket) {
        require(client.post("/api/intake/tickets/" + ticket.id + "/quotes", Map.of("lines", List.of(
                        Map.of("kind", "PART", "partNumber", "FLT-200", "quantity", 1),
                        Map.of("kind", "LABOUR", "labourCode", "L-STD", "minutes", 60))), token("front-desk"),
                Map.of("Idempotency-Key", "quote-" + ticket.id + "-" + keys.incrementAndGet())), 201, "issue quote");
    }

    /** INT-08: the desk records the customer's answer, the supervisor (and above the limit a manager) approves. */
    private void quote(Planned ticket, Path path) {
        JsonNode quotes = client.get("/api/intake/tickets/" + ticket.id + "/quotes", token("front-desk")).body();
        JsonNode current = null;
        for (JsonNode quote : quotes) {
            if (!quote.get("state").asString().equals("SUPERSEDED")) {
                current = quote;
            }
        }
        if (current == null || Set.of("DECLINED", "EXPIRED").contains(current.get("state").asString())) {
            issueQuote(ticket);
            return;
        }
        String quoteId = current.get("id").asString();
        switch (current.get("state").asString()) {
            case "ISSUED" -> {
                Map<String, Object> answer = Map.of("customerName", "Lifecycle Customer", "method", "PHONE");
                if (path == Path.PAID_QUOTE_DECLINED) {
                    require(client.post("/api/intake/quotes/" + quoteId + "/decline", answer, token("front-desk")),
                            200, "decline quote");
                } else {
                    require(client.post("/api/intake/quotes/" + quoteId + "/customer-acceptance", answer,
                            token("front-desk")), 200, "customer accepts quote");
                }
            }
            case "ACCEPTED_BY_CUSTOMER" -> require(client.post("/api/intake/quotes/" + quoteId + "/supervisor-approval",
                    null, token("supervisor")), 200, "supervisor approves quote");
            case "AWAITING_MANAGER" -> require(client.post("/api/intake/quotes/" + quoteId + "/manager-approval",
                    null, token("manager")), 200, "manager approves quote");
            case "APPROVED" -> {
                if (ticket.accepted == 0) {
                    accept(ticket, "accepted with an approved quote");
                }
            }
            default -> {
            }
        }
    }

    /** INT-10: the customer manager finds the complaint invalid, the supervisor confirms the rejection. */
    private void rejectComplaint(Planned ticket) {
        String base = "/api/intake/tickets/" + ticket.id + "/complaint";
        JsonNode complaint = client.get(base, token("customer-manager")).body();
        String state = complaint.path("state").asString("");
        if (state.equals("VALIDITY_CHECK") || state.isEmpty()) {
            require(client.post(base + "/validity", Map.of("valid", false,
                    "explanation", "The engineer's visit log shows the appointment was kept"), token("customer-manager")),
                    200, "complaint invalid");
        } else {
            require(client.post(base + "/rejection-confirmation", Map.of("confirmed", true), token("supervisor")),
                    200, "rejection confirmed");
        }
    }

    /**
     * INT-10, INT-11, INT-19: the complaint process as its people work it — the customer manager finds the complaint
     * valid and gives the opinion, the management department reviews and carries it out, the general manager approves,
     * and the form comes back to customer service. A dissatisfied customer's complaint is about the repair; a delivery
     * complaint is settled with an explanation.
     */
    private void complaintHandlers(Planned ticket, Path path) {
        String base = "/api/intake/tickets/" + ticket.id + "/complaint";
        JsonNode complaint = client.get(base, token("customer-manager")).body();
        String state = complaint.path("state").asString("");
        boolean generalManagerDecides = complaint.path("escalationLevel").asInt(0) >= 2;
        String remedy = path == Path.COMPLAINT_HANDLED ? "EXPLANATION" : "REPAIR";
        switch (state) {
            case "VALIDITY_CHECK" -> require(client.post(base + "/validity", Map.of("valid", true, "explanation",
                    "the customer's account is confirmed"), token(generalManagerDecides ? "general-manager"
                    : "customer-manager")), 200, "complaint valid");
            case "OPINION_PENDING" -> require(client.post(base + "/opinion", Map.of("responsibleDepartment",
                    "AFTER_SALES", "remedy", remedy, "opinion", "handled as the customer asked"),
                    token("customer-manager")), 200, "opinion");
            case "PLAN_APPROVAL_PENDING" -> require(client.post(base + "/plan-approval", Map.of("approved", true),
                    token("manager")), 200, "plan approved");
            case "REVIEW_PENDING" -> require(client.post(base + "/review", Map.of("outcome", "AGREED"),
                    token("manager")), 200, "review");
            case "GM_APPROVAL_PENDING" -> require(client.post(base + "/final-approval", Map.of("approved", true),
                    token("general-manager")), 200, "final approval");
            case "EXECUTION_PENDING" -> {
                // a repair remedy is carried out by the repair itself: the management department records the
                // execution once the ticket is resolved again
                if (remedy.equals("EXPLANATION") || ticket.finalState.equals("RESOLVED")) {
                    require(client.post(base + "/execution", Map.of("note", "carried out"), token("manager")), 200,
                            "execution");
                }
            }
            case "FORM_RETURN_PENDING" -> {
                require(client.post(base + "/form-return", null, token("customer-manager")), 200, "form returned");
                ticket.happened.add("complaint handled");
            }
            default -> {
            }
        }
    }

    // ---------------------------------------------------------------- dispatch: supervisor, storekeeper, technician

    private void workOrder(Planned ticket, Path path) {
        JsonNode orders = workOrders(ticket.id);
        if (orders.isEmpty()) {
            return;
        }
        JsonNode order = orders.get(orders.size() - 1);
        for (JsonNode candidate : orders) {
            if (!Set.of("COMPLETED", "CANCELLED").contains(candidate.get("state").asString())) {
                order = candidate;
            }
        }
        String id = order.get("id").asString();
        switch (order.get("state").asString()) {
            case "NEW" -> assign(ticket, order);
            case "AWAITING_PARTS" -> receiveShortage(ticket, order);
            case "ON_HOLD" -> {
                if (!order.path("hold").path("forQuote").asBoolean(false)) {
                    require(client.post("/api/dispatch/work-orders/" + id + "/release", null, token("supervisor")),
                            200, "supervisor releases hold");
                }
            }
            case "READY" -> {
                if (path == Path.ENTITLEMENT_CHANGED && !ticket.entitlementChanged) {
                    changeEntitlementToPaid(ticket);
                } else {
                    fixed(ticket, order);
                }
            }
            default -> {
            }
        }
    }

    /**
     * DSP-02: the supervisor confirms the proposal, or names a technician of the region when there is none — which under
     * this load means everyone is at capacity, so the choice is an explicit, recorded capacity override.
     */
    private void assign(Planned ticket, JsonNode order) {
        Map<String, Object> body = new HashMap<>();
        if (!order.hasNonNull("proposedTechnician")) {
            body.put("technicianId", ticket.plan.region().equals("NORTH") ? "tech.north" : "tech.south");
            body.put("overrideCapacity", true);
            body.put("overrideReason", "lifecycle load beyond the demo technicians' daily capacity");
            ticket.happened.add("supervisor chose");
        }
        String path = "/api/dispatch/work-orders/" + order.get("id").asString() + "/assignment";
        RestApi.Response confirmed = client.post(path, body, token("supervisor"));
        if (confirmed.status() == 400 && String.valueOf(confirmed.body()).contains("CAPACITY")) {
            // the proposed technician filled up since the proposal: the supervisor overrides, explicitly and on record
            body.put("overrideCapacity", true);
            body.put("overrideReason", "lifecycle load beyond the demo technicians' daily capacity");
            ticket.happened.add("capacity overridden");
            confirmed = client.post(path, body, token("supervisor"));
        }
        require(confirmed, 200, "supervisor assigns");
    }

    /** DSP-03: the work order shows its backorder; the storekeeper's round receives the stock (PRT-01). */
    private void receiveShortage(Planned ticket, JsonNode order) {
        if (order.path("backorder").has("lines")) {
            ticket.happened.add("backordered, filled on receipt");
        }
    }

    /**
     * PRT-01: the storekeeper receives into each store what its open backorders ask for (a packing list per store and
     * round); parts fills them first come, first served.
     */
    private void storekeeperRound() {
        JsonNode open = client.get("/api/parts/backorders?status=OPEN&size=200", token("storekeeper")).body().path("items");
        Map<String, Map<String, Integer>> needed = new HashMap<>();
        for (JsonNode backorder : open) {
            for (JsonNode line : backorder.path("lines")) {
                needed.computeIfAbsent(backorder.get("location").asString(), l -> new java.util.TreeMap<>())
                        .merge(line.get("partNumber").asString(), line.get("quantity").asInt(), Integer::sum);
            }
        }
        needed.forEach((store, parts) -> {
            List<Map<String, Object>> lines = new ArrayList<>();
            parts.forEach((part, quantity) -> lines.add(Map.of("partNumber", part, "quantity", quantity)));
            require(client.post("/api/parts/receipts", Map.of("location", store, "reference", "PL-LC-"
                    + keys.incrementAndGet(), "lines", lines), token("storekeeper"),
                    Map.of("Idempotency-Key", "receipt-" + keys.get())), 201, "storekeeper receives");
        });
    }

    /** INT-07: after acceptance the supervisor overrides the entitlement to PAID; the work waits for a quote. */
    private void changeEntitlementToPaid(Planned ticket) {
        require(client.post("/api/intake/tickets/" + ticket.id + "/entitlement/override", Map.of("entitlement", "PAID",
                "reason", "unauthorised repair found on site"), token("supervisor")), 200, "override to PAID");
        ticket.entitlementChanged = true;
        ticket.happened.add("entitlement changed to PAID");
    }

    /** DSP-05: the assigned technician records the fixed visit with the parts issued for it. */
    private void fixed(Planned ticket, JsonNode order) {
        String technician = order.get("technician").asString();
        List<Map<String, Object>> used = new ArrayList<>();
        int n = 0;
        for (JsonNode part : order.path("expectedParts")) {
            Map<String, Object> line = new HashMap<>();
            line.put("partNumber", part.get("partNumber").asString());
            line.put("quantity", part.get("quantity").asInt());
            line.put("newSerial", "NEW-" + ticket.number + "-" + n);
            line.put("oldSerial", "OLD-" + ticket.number + "-" + n++);
            used.add(line);
        }
        Map<String, Object> visit = new HashMap<>(Map.of("outcome", "FIXED", "symptom", "fault as reported",
                "causeCode", "C-LIFECYCLE", "actions", "replaced the worn part", "partsUsed", used, "labourMinutes", 45,
                "confirmation", Map.of("method", "CODE", "code", "C" + Math.abs(ticket.number.hashCode() % 100_000)),
                "customerRating", "SATISFIED"));
        if ("PAID".equals(order.path("entitlement").asString())) {
            // DSP-05: paid work is charged (parts at the catalogue price, service entered) and invoiced the same day
            visit.put("charges", Map.of("lines", List.of(Map.of("kind", "SERVICE", "description", "labour 45 min",
                    "amount", 120.00))));
            visit.put("payment", Map.of("method", "INVOICED", "reference", "INV-" + ticket.number));
            ticket.happened.add("charged and invoiced");
        }
        require(client.post("/api/dispatch/work-orders/" + order.get("id").asString() + "/visits", visit,
                token(technician)), 200, "technician fixes");
    }

    // ---------------------------------------------------------------- revisit agent and quality engineer

    /** REV-05, REV-06: the agent calls every scheduled revisit; the plan says how the customer answers. */
    private void revisitAgent(Planned ticket, Path path) {
        JsonNode revisits = client.get("/api/revisit/revisits?ticketId=" + ticket.id, token("revisit-agent")).body();
        if (revisits.isEmpty()) {
            return;
        }
        for (JsonNode revisit : revisits) {
            // REV-02: no call while the ticket's complaint is being handled
            if (!revisit.get("state").asString().equals("SCHEDULED") || revisit.path("onHold").asBoolean(false)) {
                continue;
            }
            String id = revisit.get("id").asString();
            if (path == Path.UNREACHABLE_CUSTOMER) {
                ticket.happened.add("revisit unreachable");
                require(client.post("/api/revisit/revisits/" + id + "/attempts", null, token("revisit-agent")), 200,
                        "unanswered call");
                continue;
            }
            String overall = "SATISFIED";
            if (path == Path.DISSATISFIED_THEN_REOPENED && !ticket.answeredDissatisfied) {
                overall = "DISSATISFIED";
                ticket.answeredDissatisfied = true;
                ticket.happened.add("dissatisfied, reopened");
            } else {
                ticket.happened.add(revisit.path("kind").asString("HAPPY_CALL").toLowerCase().replace('_', ' ')
                        + " answered");
            }
            require(client.post("/api/revisit/revisits/" + id + "/outcome", Map.of("serviceQuality", overall,
                    "technicalSkill", overall, "chargeReasonable", true, "punctuality", overall, "overall", overall,
                    "comment", "lifecycle"), token("revisit-agent")), 200, "revisit outcome");
        }
    }

    /** QLT-05: the quality engineer analyses every open report and assigns the actions, which issues it. */
    private void qualityEngineer(Planned ticket) {
        JsonNode reports = client.get("/api/quality/improvement-reports?ticketId=" + ticket.id, token("quality")).body();
        JsonNode items = reports.isArray() ? reports : reports.path("items");
        for (JsonNode report : items) {
            String base = "/api/quality/improvement-reports/" + report.get("id").asString();
            switch (report.get("state").asString()) {
                case "OPEN" -> {
                    ticket.happened.add("improvement report");
                    require(client.post(base + "/analysis", Map.of("problem", "unit fails in the field",
                            "affectedQuantity", 1, "temporaryCountermeasures", "replace on site",
                            "rootCause", Map.of("department", "PRODUCTION", "description", "loose connector")),
                            token("quality")), 200, "quality analysis");
                }
                case "ANALYSED" -> require(client.post(base + "/actions", Map.of("corrective", List.of(Map.of(
                                "description", "torque check at station 4", "owner", "production.lead",
                                "dueDate", LocalDate.now(zone).plusDays(14).toString())), "preventive", List.of()),
                        token("quality")), 200, "quality actions");
                default -> {
                }
            }
        }
    }

    // ---------------------------------------------------------------- reads for the invariants

    JsonNode workOrders(UUID ticketId) {
        return client.get("/api/dispatch/work-orders?ticketId=" + ticketId + "&size=200", token("supervisor")).body()
                .get("items");
    }

    JsonNode timeline(UUID ticketId) {
        return client.get("/api/intake/tickets/" + ticketId + "/timeline", token("front-desk")).body();
    }

    List<String> completedWorkOrders(List<Planned> tickets) {
        List<String> completed = new ArrayList<>();
        for (Planned ticket : tickets) {
            for (JsonNode order : workOrders(ticket.id)) {
                if (order.get("state").asString().equals("COMPLETED")) {
                    completed.add(order.get("id").asString());
                }
            }
        }
        return completed;
    }

    private static RestApi.Response require(RestApi.Response response, int expected, String what) {
        if (response.status() != expected) {
            throw new IllegalStateException(what + ": " + response.status() + " " + response.body());
        }
        return response;
    }
}
