package com.opensvc.aftersales.messaging;

/** Kafka header names of CloudEvents binary mode (EVT-02) plus W3C trace context. */
public final class CloudEventHeaders {
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String TRACEPARENT = "traceparent";
    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String TYPE_PREFIX = "com.opensvc.aftersales.";

    private CloudEventHeaders() {
    }

    public static String type(String eventType, int version) {
        return TYPE_PREFIX + eventType + ".v" + version;
    }

    /** "com.opensvc.aftersales.TicketAccepted.v1" → "TicketAccepted". */
    public static String eventTypeOf(String ceType) {
        if (ceType == null || !ceType.startsWith(TYPE_PREFIX)) {
            return ceType;
        }
        String rest = ceType.substring(TYPE_PREFIX.length());
        int dot = rest.lastIndexOf(".v");
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
