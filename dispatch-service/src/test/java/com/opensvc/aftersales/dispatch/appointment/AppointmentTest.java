package com.opensvc.aftersales.dispatch.appointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.web.InvalidFieldException;

@DisplayName("DSP-04 an appointment window is checked against the clock and the configured limits")
class AppointmentTest {
    private static final Instant NOW = Instant.parse("2026-11-23T01:00:00Z");
    private static final AppointmentProperties LIMITS = new AppointmentProperties(Duration.ofHours(8), Duration.ofDays(90));

    private static List<String> refused(Instant start, Instant end) {
        try {
            new Appointment.Window(start, end).check(NOW, LIMITS);
            return List.of();
        } catch (InvalidFieldException e) {
            return e.errors().stream().map(error -> error.field() + " " + error.message()).toList();
        }
    }

    @Test
    @DisplayName("DSP-04 end after start, not in the past, at most 8h long, within 90 days: else 400 naming the field")
    void DSP04_windowRules() {
        Function<Long, Instant> inHours = h -> NOW.plus(Duration.ofHours(h));
        assertThat(refused(inHours.apply(1L), inHours.apply(9L))).as("exactly 8h").isEmpty();
        assertThat(refused(NOW, inHours.apply(2L))).as("starting now").isEmpty();
        assertThat(refused(inHours.apply(3L), inHours.apply(2L))).containsExactly("windowEnd must be after windowStart");
        assertThat(refused(inHours.apply(3L), inHours.apply(3L))).containsExactly("windowEnd must be after windowStart");
        assertThat(refused(NOW.minusSeconds(60), inHours.apply(2L))).containsExactly("windowStart must not be in the past");
        assertThat(refused(inHours.apply(1L), inHours.apply(10L)))
                .containsExactly("windowEnd the window must not be longer than 8h");
        assertThat(refused(NOW.plus(Duration.ofDays(91)), NOW.plus(Duration.ofDays(91)).plusSeconds(3600)))
                .containsExactly("windowStart must lie within 90 days from now");
        assertThatThrownBy(() -> new Appointment.Window(NOW.minusSeconds(7200), NOW.minusSeconds(9000)).check(NOW, LIMITS))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.errors()).hasSize(2));
    }

    @Test
    @DisplayName("DSP-04 a window belongs to the technician who booked it: once the order's technician changes none is current")
    void DSP04_windowBelongsToItsTechnician() {
        UUID workOrderId = UUID.randomUUID();
        Appointment booked = new Appointment(UUID.randomUUID(), workOrderId, UUID.randomUUID(), 1, "tech.north", NOW,
                NOW.plusSeconds(3600), RequestedBy.TECHNICIAN, null, null, null, false, "tech.north", NOW);
        assertThat(Appointment.currentFor("tech.north", Optional.of(booked))).contains(booked);
        assertThat(Appointment.currentFor("tech.south", Optional.of(booked))).isEmpty();
        assertThat(Appointment.currentFor(null, Optional.of(booked))).as("handed back: nobody's").isEmpty();
        assertThat(booked.toString()).doesNotContain("confirmedWith");
    }
}
