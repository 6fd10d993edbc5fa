package com.opensvc.aftersales.revisit.happycall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.revisit.happycall.RevisitEvent.CustomerDissatisfied;
import com.opensvc.aftersales.revisit.happycall.RevisitEvent.RevisitCallRecorded;
import com.opensvc.aftersales.revisit.happycall.RevisitEvent.RevisitCompleted;
import com.opensvc.aftersales.revisit.happycall.RevisitEvent.RevisitScheduled;
import com.opensvc.aftersales.revisit.happycall.RevisitEvent.RevisitUnreachable;
import com.opensvc.aftersales.web.StateConflictException;

/** REV-02, REV-03, REV-05, REV-06 on the aggregate: how many calls a complaint revisit needs and when they are due. */
class ComplaintRevisitCallsTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Duration WEEK = Duration.ofDays(7);
    private static final Instant FINISHED = Instant.parse("2026-03-05T10:12:05Z");
    private static final Instant DEADLINE = Instant.parse("2026-03-12T16:00:00Z");

    private static Revisit complaintRevisit(ComplaintType type) {
        ComplaintRevisits rules = ComplaintRevisits.DEFAULTS;
        return Revisit.scheduleComplaintRevisit(UUID.randomUUID(), UUID.randomUUID(), type, rules.requiredCalls(type),
                FINISHED, DEADLINE, "system", FINISHED).revisit();
    }

    private static SurveyAnswers answers(Satisfaction overall) {
        return new SurveyAnswers(Satisfaction.SATISFIED, Satisfaction.SATISFIED, true, Satisfaction.SATISFIED, overall,
                "said " + overall);
    }

    @Test
    @DisplayName("REV-03 a GOODS complaint is a quality complaint (2 calls); every other content group a service complaint (1)")
    void REV03_typeFromContentGroup() {
        assertThat(ComplaintRevisits.DEFAULTS.typeOf("GOODS")).isEqualTo(ComplaintType.QUALITY);
        assertThat(ComplaintRevisits.DEFAULTS.typeOf("PEOPLE")).isEqualTo(ComplaintType.SERVICE);
        assertThat(ComplaintRevisits.DEFAULTS.typeOf(null)).isEqualTo(ComplaintType.SERVICE);
        assertThat(ComplaintRevisits.DEFAULTS.requiredCalls(ComplaintType.QUALITY)).isEqualTo(2);
        assertThat(ComplaintRevisits.DEFAULTS.requiredCalls(ComplaintType.SERVICE)).isEqualTo(1);
    }

    @Test
    @DisplayName("REV-02 REV-03 the first call is due 24 h after the finish, and by 5 working days of the remedy at the latest")
    void REV02_deadlines() {
        RevisitChange change = Revisit.scheduleComplaintRevisit(UUID.randomUUID(), UUID.randomUUID(),
                ComplaintType.QUALITY, 2, FINISHED, DEADLINE, "system", FINISHED);
        assertThat(change.revisit().dueBy()).isEqualTo(FINISHED.plus(Duration.ofHours(24)));
        assertThat(change.events()).singleElement().isInstanceOfSatisfying(RevisitScheduled.class, e -> {
            assertThat(e.requiredCalls()).isEqualTo(2);
            assertThat(e.complaintType()).isEqualTo(ComplaintType.QUALITY);
            assertThat(e.remedyDeadline()).isEqualTo(DEADLINE);
        });
    }

    @Test
    @DisplayName("REV-03 REV-05 a quality complaint: the first satisfied call keeps it open (RevisitCallRecorded), the second completes it")
    void REV03_qualityComplaintNeedsTwoCalls() {
        Instant firstCall = FINISHED.plus(Duration.ofHours(3));
        RevisitChange first = complaintRevisit(ComplaintType.QUALITY).recordOutcome(answers(Satisfaction.SATISFIED),
                WEEK, "agent.ma", firstCall);
        assertThat(first.revisit().state()).isEqualTo(RevisitState.SCHEDULED);
        assertThat(first.revisit().answeredCalls()).isEqualTo(1);
        assertThat(first.revisit().dueBy()).isEqualTo(firstCall.plus(WEEK));
        assertThat(first.calls()).singleElement().satisfies(c -> {
            assertThat(c.callNumber()).isEqualTo(1);
            assertThat(c.answered()).isTrue();
            assertThat(c.late()).isFalse();
        });
        assertThat(first.events()).singleElement().isInstanceOfSatisfying(RevisitCallRecorded.class, e -> {
            assertThat(e.callNumber()).isEqualTo(1);
            assertThat(e.requiredCalls()).isEqualTo(2);
            assertThat(e.nextDueBy()).isEqualTo(firstCall.plus(WEEK));
        });
        // the second call eight days later is a day late
        Instant secondCall = firstCall.plus(Duration.ofDays(8));
        RevisitChange second = first.revisit().recordOutcome(answers(Satisfaction.VERY_SATISFIED), WEEK, "agent.ma",
                secondCall);
        assertThat(second.revisit().state()).isEqualTo(RevisitState.COMPLETED);
        assertThat(second.revisit().answeredCalls()).isEqualTo(2);
        assertThat(second.calls()).singleElement().satisfies(c -> {
            assertThat(c.callNumber()).isEqualTo(2);
            assertThat(c.late()).isTrue();
        });
        assertThat(second.events()).singleElement().isInstanceOfSatisfying(RevisitCompleted.class,
                e -> assertThat(e.flaggedForReview()).isFalse());
    }

    @Test
    @DisplayName("REV-03 REV-05 a service complaint is called once; a neutral first answer adds a second call, and a neutral last call completes flagged")
    void REV03_serviceComplaintOnceOrTwice() {
        Instant call = FINISHED.plus(Duration.ofHours(30));
        RevisitChange once = complaintRevisit(ComplaintType.SERVICE).recordOutcome(answers(Satisfaction.SATISFIED),
                WEEK, "agent.ma", call);
        assertThat(once.revisit().state()).isEqualTo(RevisitState.COMPLETED);
        assertThat(once.calls()).singleElement().satisfies(c -> assertThat(c.late()).isTrue());   // after 24 h

        RevisitChange neutral = complaintRevisit(ComplaintType.SERVICE).recordOutcome(answers(Satisfaction.NEUTRAL),
                WEEK, "agent.ma", call);
        assertThat(neutral.revisit().state()).isEqualTo(RevisitState.SCHEDULED);
        assertThat(neutral.revisit().requiredCalls()).isEqualTo(2);
        assertThat(neutral.events()).singleElement().isInstanceOf(RevisitCallRecorded.class);
        RevisitChange last = neutral.revisit().recordOutcome(answers(Satisfaction.NEUTRAL), WEEK, "agent.ma",
                call.plus(WEEK));
        assertThat(last.revisit().state()).isEqualTo(RevisitState.COMPLETED);
        assertThat(last.events()).singleElement().isInstanceOfSatisfying(RevisitCompleted.class,
                e -> assertThat(e.flaggedForReview()).isTrue());
    }

    @Test
    @DisplayName("REV-05 dissatisfied on any call raises CustomerDissatisfied at once")
    void REV05_dissatisfiedOnAnyCall() {
        RevisitChange first = complaintRevisit(ComplaintType.QUALITY).recordOutcome(answers(Satisfaction.DISSATISFIED),
                WEEK, "agent.ma", FINISHED.plusSeconds(3600));
        assertThat(first.revisit().state()).isEqualTo(RevisitState.DISSATISFIED);
        assertThat(first.events()).singleElement().isInstanceOf(CustomerDissatisfied.class);

        Revisit once = complaintRevisit(ComplaintType.QUALITY).recordOutcome(answers(Satisfaction.SATISFIED), WEEK,
                "agent.ma", FINISHED.plusSeconds(3600)).revisit();
        RevisitChange second = once.recordOutcome(answers(Satisfaction.DISSATISFIED), WEEK, "agent.ma",
                FINISHED.plus(WEEK));
        assertThat(second.revisit().state()).isEqualTo(RevisitState.DISSATISFIED);
        assertThat(second.events()).singleElement().isInstanceOf(CustomerDissatisfied.class);
        assertThatThrownBy(() -> second.revisit().recordOutcome(answers(Satisfaction.SATISFIED), WEEK, "agent.ma",
                FINISHED.plus(WEEK))).isInstanceOf(StateConflictException.class);
    }

    @Test
    @DisplayName("REV-06 unanswered attempts count per call: an answered call starts the count again")
    void REV06_attemptsPerCall() {
        CallAttempts rules = new CallAttempts(3, 1);
        Instant day = FINISHED.plus(Duration.ofHours(1));
        Revisit revisit = complaintRevisit(ComplaintType.QUALITY);
        RevisitChange miss1 = revisit.recordUnansweredCall(rules, SHANGHAI, "agent.ma", day);
        assertThat(miss1.calls()).singleElement().satisfies(c -> {
            assertThat(c.answered()).isFalse();
            assertThat(c.callNumber()).isEqualTo(1);
        });
        revisit = miss1.revisit().recordUnansweredCall(rules, SHANGHAI, "agent.ma", day.plus(Duration.ofDays(1))).revisit();
        assertThat(revisit.attempts()).isEqualTo(2);
        revisit = revisit.recordOutcome(answers(Satisfaction.SATISFIED), WEEK, "agent.ma", day.plus(Duration.ofDays(2)))
                .revisit();
        assertThat(revisit.attempts()).isZero();
        assertThat(revisit.lastAttemptAt()).isNull();
        Instant later = day.plus(Duration.ofDays(9));
        revisit = revisit.recordUnansweredCall(rules, SHANGHAI, "agent.ma", later).revisit();
        revisit = revisit.recordUnansweredCall(rules, SHANGHAI, "agent.ma", later.plus(Duration.ofDays(1))).revisit();
        assertThat(revisit.state()).isEqualTo(RevisitState.SCHEDULED);
        RevisitChange third = revisit.recordUnansweredCall(rules, SHANGHAI, "agent.ma", later.plus(Duration.ofDays(2)));
        assertThat(third.revisit().state()).isEqualTo(RevisitState.UNREACHABLE);
        assertThat(third.calls()).singleElement().satisfies(c -> assertThat(c.callNumber()).isEqualTo(2));
        assertThat(third.events()).singleElement().isInstanceOf(RevisitUnreachable.class);
    }

    @Test
    @DisplayName("REV-05 a happy call still needs one answered call")
    void REV05_happyCallOnce() {
        Revisit happy = Revisit.scheduleHappyCall(UUID.randomUUID(), UUID.randomUUID(), "tech.north",
                Selection.SAMPLED, FINISHED, "system", FINISHED).revisit();
        RevisitChange answered = happy.recordOutcome(answers(Satisfaction.NEUTRAL), "agent.ma",
                FINISHED.plus(Duration.ofDays(1)));
        assertThat(answered.revisit().state()).isEqualTo(RevisitState.COMPLETED);
        assertThat(answered.events()).singleElement().isInstanceOfSatisfying(RevisitCompleted.class,
                e -> assertThat(e.flaggedForReview()).isTrue());
    }
}
