package com.opensvc.aftersales.messaging;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An event a service publishes through its outbox. The record that implements it is the payload and knows its own
 * routing, as debezium-examples' {@code ExportedEvent} does: the aggregate type names the topic
 * ({@code aftersales.<aggregateType>}), the aggregate id is the Kafka key and {@code ce_subject} (the ticket id
 * wherever there is one, EVT-02), and the type and version make {@code ce_type}.
 * <p>
 * A service declares one interface per topic that fixes {@link #aggregateType()} and {@link #aggregateId()}; its
 * event records implement that interface, so no call site names a topic or an event type.
 */
public interface OutgoingEvent {

    /** e.g. {@code "intake.ticket"}: the event goes to topic {@code aftersales.intake.ticket}. */
    @JsonIgnore
    String aggregateType();

    /** Kafka key and {@code ce_subject}: all events of one aggregate stay in order on one partition. */
    @JsonIgnore
    UUID aggregateId();

    /** The event type in {@code ce_type}: the record's simple name, e.g. {@code TicketAccepted}. */
    @JsonIgnore
    default String eventType() {
        return getClass().getSimpleName();
    }

    /** The schema version in {@code ce_type} (EVT-03): a breaking change is a new record with version 2. */
    @JsonIgnore
    default int eventVersion() {
        return 1;
    }
}
