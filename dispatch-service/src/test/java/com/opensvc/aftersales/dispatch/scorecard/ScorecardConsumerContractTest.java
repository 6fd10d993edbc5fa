package com.opensvc.aftersales.dispatch.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.messaging.EventHandlers;
import com.opensvc.aftersales.messaging.InboundEvents;
import com.opensvc.aftersales.messaging.MalformedEventException;
import com.opensvc.aftersales.testkit.ConsumerContracts;

@DisplayName("EVT-03 DSP-10 dispatch reads revisit's results as their schemas publish them")
class ScorecardConsumerContractTest {
    private final EventHandlers handlers = new RevisitEventsListener().revisitEvents(InboundEvents.withoutInbox(), null);

    @Test
    @DisplayName("EVT-03 DSP-10 REV-07 the scorecard consumer reads every example of RevisitCompleted and CustomerDissatisfied")
    void EVT03_readsTheSchemaExamples() {
        ConsumerContracts.assertReadsSchemaExamples(handlers);
    }

    @Test
    @DisplayName("DSP-10 the four-point scale: very satisfied 4, satisfied 3, neutral 2, dissatisfied 1")
    void DSP10_scaleMapping() {
        assertThat(Arrays.stream(Satisfaction.values()).map(Satisfaction::score)).containsExactly(4, 3, 2, 1);
        CustomerDissatisfied dissatisfied = (CustomerDissatisfied) handlers.read("CustomerDissatisfied", """
                {"revisitId":"c4e7a913-0b2d-4f58-8e6a-19d3b7f2a064","ticketId":"3f2b8c1e-7a4d-4e9b-9c61-2d5f0a8e4b17",
                 "workOrderId":"8c0d6e2a-51f3-4b7e-a9d4-6e1f27b3c905","actor":"callcenter.anna",
                 "occurredAt":"2026-03-05T10:12:04Z"}""");
        assertThat(dissatisfied.rating().satisfaction().score()).isEqualTo(1);
    }

    @Test
    @DisplayName("EVT-05 a RevisitCompleted without satisfaction, or with one off the scale, is malformed")
    void EVT05_badSatisfactionIsMalformed() {
        String event = """
                {"revisitId":"c4e7a913-0b2d-4f58-8e6a-19d3b7f2a064","ticketId":"3f2b8c1e-7a4d-4e9b-9c61-2d5f0a8e4b17",
                 "workOrderId":null,%s"flaggedForReview":false,"actor":"callcenter.anna","occurredAt":"2026-03-05T10:12:04Z"}""";
        assertThat(handlers.read("RevisitCompleted", event.formatted("\"satisfaction\":\"NEUTRAL\","))).isNotNull();
        assertThatThrownBy(() -> handlers.read("RevisitCompleted", event.formatted("")))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("satisfaction");
        assertThatThrownBy(() -> handlers.read("RevisitCompleted", event.formatted("\"satisfaction\":\"GREAT\",")))
                .isInstanceOf(MalformedEventException.class);
    }
}
