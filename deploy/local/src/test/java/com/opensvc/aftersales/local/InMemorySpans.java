package com.opensvc.aftersales.local;

import java.util.Collection;
import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * Issue 16's proof of traces: every application of the end-to-end platform (gateway, services, issuer) gets one extra
 * {@link SpanExporter} bean beside its configured ones, and all of them export into this JVM's one
 * {@link InMemorySpanExporter}; a span names its application by the {@code service.name} of its resource.
 */
@AutoConfiguration
public class InMemorySpans {
    private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
    /**
     * Spans are kept only while a test records: the platform is shared by every end-to-end test of the JVM, whose
     * requests would otherwise pile up hundreds of thousands of spans, and a trace test would find other tests' traces.
     */
    private static volatile boolean recording;

    /** Forgets what was kept and keeps every span finished from now on. */
    static void record() {
        SPANS.reset();
        recording = true;
    }

    /** Stops keeping spans and forgets them. */
    static void stop() {
        recording = false;
        SPANS.reset();
    }

    /** Every span the applications have finished and exported since {@link #record()}. */
    static List<SpanData> finished() {
        return SPANS.getFinishedSpanItems();
    }

    @Bean
    SpanExporter inMemorySpanExporter() {
        // an application's shutdown must not stop the exporter the others share
        return new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                return recording ? SPANS.export(spans) : CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
    }
}
