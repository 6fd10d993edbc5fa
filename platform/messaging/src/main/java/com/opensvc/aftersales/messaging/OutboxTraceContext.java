package com.opensvc.aftersales.messaging;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * The {@code traceparent} an outbox row carries (issue 16): a short span "outbox &lt;event type&gt;", child of the span
 * the event is written in (the HTTP request's, or the Kafka listener's that handles the event causing it), so the
 * consumers' listener spans continue the trace across Debezium and Kafka. Outside any span (a recurring job, a test
 * without tracing) the row starts a trace of its own, as before ({@link TraceParent}).
 */
public interface OutboxTraceContext {

    /** The traceparent for an event of {@code ceType} on {@code aggregateType}, written now. */
    String traceparent(String aggregateType, String ceType);

    /** Without tracing: the handled record's trace if a listener continues one, else a new trace. */
    OutboxTraceContext UNTRACED = (aggregateType, ceType) -> TraceParent.next();

    /** With Micrometer tracing: a child span of the current one, propagated as configured (W3C by default). */
    static OutboxTraceContext of(Tracer tracer, Propagator propagator) {
        return (aggregateType, ceType) -> {
            Span current = tracer.currentSpan();
            if (current == null || current.isNoop()) {
                return TraceParent.next();
            }
            Span outbox = tracer.nextSpan(current).name("outbox " + CloudEventHeaders.eventTypeOf(ceType))
                    .tag("messaging.system", "kafka")
                    .tag("messaging.destination.name", "aftersales." + aggregateType)
                    .start();
            try {
                Map<String, String> carrier = new HashMap<>();
                propagator.inject(outbox.context(), carrier, Map::put);
                String traceparent = carrier.get(CloudEventHeaders.TRACEPARENT);
                return traceparent == null || traceparent.isBlank() ? TraceParent.next() : traceparent;
            } finally {
                outbox.end();
            }
        };
    }
}
