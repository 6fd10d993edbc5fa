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
    @DisplayName("EVT-03 DSP-10 REV-07 the scorecard consumer reads every example of RevisitCompleted, CustomerDissatisfied and RevisitUnreachable")
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

    @Test
    @DisplayName("REV-07 DSP-10 the optional survey and technician are read into the rating; an event without them rates alone")
    void REV07_surveyIsRead() {
        RevisitCompleted completed = (RevisitCompleted) handlers.read("RevisitCompleted", """
                {"revisitId":"c4e7a913-0b2d-4f58-8e6a-19d3b7f2a064","ticketId":"3f2b8c1e-7a4d-4e9b-9c61-2d5f0a8e4b17",
                 "workOrderId":"8c0d6e2a-51f3-4b7e-a9d4-6e1f27b3c905","satisfaction":"SATISFIED","flaggedForReview":false,
                 "technicianId":"tech.north","survey":{"serviceQuality":"VERY_SATISFIED","technicalSkill":"NEUTRAL",
                 "chargeReasonable":false,"punctuality":"SATISFIED","overall":"SATISFIED"},
                 "actor":"callcenter.anna","occurredAt":"2026-03-05T10:12:04Z"}""");
        Rating rating = completed.rating();
        assertThat(rating.technicianId()).isEqualTo("tech.north");
        assertThat(Survey.score(rating.survey().serviceQuality())).isEqualTo(4);
        assertThat(Survey.score(rating.survey().technicalSkill())).isEqualTo(2);
        assertThat(rating.survey().chargeReasonable()).isFalse();
        RevisitUnreachable unreachable = (RevisitUnreachable) handlers.read("RevisitUnreachable", """
                {"revisitId":"c4e7a913-0b2d-4f58-8e6a-19d3b7f2a064","ticketId":"3f2b8c1e-7a4d-4e9b-9c61-2d5f0a8e4b17",
                 "attempts":3,"actor":"system","occurredAt":"2026-03-08T09:00:00Z"}""");
        assertThat(unreachable.workOrderId()).isNull();
        CustomerDissatisfied old = (CustomerDissatisfied) handlers.read("CustomerDissatisfied", """
                {"revisitId":"c4e7a913-0b2d-4f58-8e6a-19d3b7f2a064","ticketId":"3f2b8c1e-7a4d-4e9b-9c61-2d5f0a8e4b17",
                 "actor":"callcenter.anna","occurredAt":"2026-03-05T10:12:04Z"}""");
        assertThat(old.rating().survey()).isEqualTo(Survey.NONE);
    }
}
