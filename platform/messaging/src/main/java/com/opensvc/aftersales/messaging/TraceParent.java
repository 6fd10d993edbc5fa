package com.opensvc.aftersales.messaging;

import java.util.concurrent.ThreadLocalRandom;

/**
 * W3C trace context carried on every event. A consumer continues the trace of the event it handles,
 * so the events one ticket causes across services share one trace id.
 */
public final class TraceParent {
    private static final ThreadLocal<String> CURRENT_TRACE_ID = new ThreadLocal<>();

    private TraceParent() {
    }

    /** A traceparent for an event written now: the current trace if a handler set one, else a new trace. */
    public static String next() {
        String traceId = CURRENT_TRACE_ID.get();
        if (traceId == null) {
            traceId = hex(16);
        }
        return "00-" + traceId + "-" + hex(8) + "-01";
    }

    static void continueTrace(String traceparent) {
        if (traceparent != null && traceparent.length() >= 35 && traceparent.startsWith("00-")) {
            CURRENT_TRACE_ID.set(traceparent.substring(3, 35));
        }
    }

    static void clear() {
        CURRENT_TRACE_ID.remove();
    }

    private static String hex(int bytes) {
        StringBuilder sb = new StringBuilder(bytes * 2);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < bytes; i++) {
            sb.append(String.format("%02x", random.nextInt(256)));
        }
        return sb.toString();
    }
}
