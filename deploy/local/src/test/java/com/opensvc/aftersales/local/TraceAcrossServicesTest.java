package com.opensvc.aftersales.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.opensvc.aftersales.testkit.EmbeddedPlatform;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;

/**
 * Issue 16, "a test shows one trace id on the spans of gateway, intake, dispatch and parts for one registration":
 * the trace of the front desk's request goes gateway → intake (HTTP) → intake's outbox row → Debezium → Kafka →
 * dispatch's listener → dispatch's outbox row → Debezium → Kafka → parts' listener, carried by the W3C
 * {@code traceparent} of the request, the outbox column and the Kafka header. Every application exports its spans to
 * {@link InMemorySpans}.
 */
@EmbeddedPlatform(services = {"intake", "dispatch", "parts", "quality", "revisit"})
@ExtendWith(RunningPlatform.class)
class TraceAcrossServicesTest {
    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
    /** Spring Kafka's listener observation names the record's topic so. */
    private static final AttributeKey<String> TOPIC = AttributeKey.stringKey("messaging.source.name");
    private static PlatformClient client;

    @BeforeAll
    static void connect(PlatformClient platform) {
        client = platform;
        InMemorySpans.record();
    }

    @AfterAll
    static void forgetTheSpans() {
        InMemorySpans.stop();
    }

    @Test
    @DisplayName("Issue 16 traces: one ticket's registration and acceptance carry one trace id each from the gateway"
            + " through intake, its outbox, Debezium and Kafka into dispatch's and parts' handlers and their outbox rows")
    void issue16_oneTraceFromTheGatewayToDispatchAndParts() throws Exception {
        String desk = client.token("front-desk");
        var registered = client.post("/api/intake/tickets", ticket(), desk);
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        String ticketId = registered.body().get("id").asString();

        // the registration: gateway and intake answer in one trace, and the TicketRegistered row continues it
        String registration = await().atMost(Duration.ofSeconds(30))
                .until(() -> gatewayTrace("POST"), id -> id != null);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(services(registration)).as(() -> seen(registration)).contains("gateway", "intake-service"));
        assertThat(spanNames(registration)).contains("outbox TicketRegistered");

        // the acceptance: TicketAccepted → dispatch opens a work order (its own outbox row) → parts reads it
        assertThat(client.post("/api/intake/tickets/" + ticketId + "/accept", null, desk).status()).isEqualTo(200);
        String acceptance = await().atMost(Duration.ofSeconds(30))
                .until(() -> gatewayTrace("POST", registration), id -> id != null);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(services(acceptance)).as(() -> seen(acceptance))
                    .contains("gateway", "intake-service", "dispatch-service", "parts-service");
            assertThat(spanNames(acceptance)).contains("outbox TicketAccepted", "outbox WorkOrderCreated");
            assertThat(consumedBy(acceptance, "parts-service")).contains("aftersales.dispatch.workorder");
            assertThat(consumedBy(acceptance, "dispatch-service")).contains("aftersales.intake.ticket");
        });

        // one trace per request: the gateway's server span is the root, every other span descends from it
        List<SpanData> spans = trace(acceptance);
        assertThat(spans.stream().filter(span -> span.getParentSpanContext().isValid() == false))
                .as("the acceptance trace has one root").hasSize(1)
                .allSatisfy(root -> assertThat(service(root)).isEqualTo("gateway"));
        assertThat(acceptance).isNotEqualTo(registration);
    }

    /** The newest gateway server span of a request with {@code method}, in a trace not among {@code seen}. */
    private static String gatewayTrace(String method, String... seen) {
        Set<String> excluded = Set.of(seen);
        return InMemorySpans.finished().stream()
                .filter(span -> "gateway".equals(service(span)) && span.getKind() == SpanKind.SERVER)
                .filter(span -> method.equals(span.getAttributes().get(AttributeKey.stringKey("method")))
                        || span.getName().toUpperCase().contains(method))
                .filter(span -> !excluded.contains(span.getTraceId()))
                .reduce((first, second) -> second).map(SpanData::getTraceId).orElse(null);
    }

    /** For a failure message: the trace's spans, and how many spans each application exported in all. */
    private static String seen(String traceId) {
        Map<String, Long> perService = InMemorySpans.finished().stream()
                .collect(Collectors.groupingBy(span -> String.valueOf(service(span)), TreeMap::new, Collectors.counting()));
        return "trace " + traceId + ": " + trace(traceId).stream()
                .map(span -> service(span) + " " + span.getKind() + " " + span.getName()).toList()
                + "; spans per application: " + perService;
    }

    private static List<SpanData> trace(String traceId) {
        return InMemorySpans.finished().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    private static Set<String> services(String traceId) {
        return trace(traceId).stream().map(TraceAcrossServicesTest::service).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> spanNames(String traceId) {
        return trace(traceId).stream().map(SpanData::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The topics whose records {@code service}'s listeners handled in this trace. */
    private static Set<String> consumedBy(String traceId, String service) {
        return trace(traceId).stream()
                .filter(span -> service.equals(service(span)) && span.getKind() == SpanKind.CONSUMER)
                .map(span -> span.getAttributes().get(TOPIC))
                .filter(topic -> topic != null)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String service(SpanData span) {
        return span.getResource().getAttribute(SERVICE_NAME);
    }

    private static Map<String, Object> ticket() {
        return Map.of(
                "customer", Map.of("name", "Trace Test", "phone", "+86 735 2225678", "region", "NORTH"),
                "productModel", "AC-3200", "productLine", "AIR_CONDITIONER", "serialNumber", "SN-TRACE-0001",
                "shipDate", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(),
                "faultDescription", "Unit does not cool; compressor clicks",
                "channel", "PHONE", "serviceType", "ON_SITE",
                "expectedParts", List.of(Map.of("partNumber", "CMP-100", "quantity", 1)));
    }
}
