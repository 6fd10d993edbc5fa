package com.opensvc.aftersales.dispatch.technician;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.opensvc.aftersales.dispatch.technician.TechnicianProposal.Unmet;

/** DSP-02 each clause of the proposal rule, and the same clauses for a supervisor's own choice. */
class TechnicianProposalClausesTest {
    private static final Instant MORNING = Instant.parse("2026-11-23T01:00:00Z");

    private static Candidate tech(String login, WorkingStatus status, boolean retired, int open, int load, int capacity,
                                  Instant lastAssigned) {
        return new Candidate(login, Set.of("AIR_CONDITIONER"), Set.of("NORTH", "SP-HAIDIAN"), status, retired, open,
                load, capacity, lastAssigned, null);
    }

    @ParameterizedTest
    @EnumSource(value = WorkingStatus.class, names = {"ON_LEAVE", "SICK", "OFF_DUTY"})
    @DisplayName("DSP-02 INT-22 anything but AVAILABLE is absent: never proposed, and a choice of them names ABSENT")
    void DSP02_absentNeverProposed(WorkingStatus status) {
        Candidate away = tech("away", status, false, 0, 0, 5, null);
        assertThat(TechnicianProposal.propose(List.of(away), "AIR_CONDITIONER", "NORTH")).isEmpty();
        assertThat(TechnicianProposal.unmet(away, "AIR_CONDITIONER", "NORTH")).containsExactly(Unmet.ABSENT);
    }

    @Test
    @DisplayName("DSP-02 SEC-05 a retired technician is never proposed")
    void DSP02_retiredNeverProposed() {
        Candidate retired = tech("old", WorkingStatus.AVAILABLE, true, 0, 0, 5, null);
        assertThat(TechnicianProposal.propose(List.of(retired), "AIR_CONDITIONER", "NORTH")).isEmpty();
        assertThat(TechnicianProposal.unmet(retired, "AIR_CONDITIONER", "NORTH")).containsExactly(Unmet.RETIRED);
        assertThat(TechnicianProposal.canCover(retired, "AIR_CONDITIONER", "NORTH")).isFalse();
    }

    @Test
    @DisplayName("DSP-02 skills cover the product line; regions (or service points) cover the customer's")
    void DSP02_skillAndRegion() {
        Candidate t = tech("t", WorkingStatus.AVAILABLE, false, 0, 0, 5, null);
        assertThat(TechnicianProposal.unmet(t, "LAUNDRY", "SOUTH")).containsExactly(Unmet.SKILL, Unmet.REGION);
        assertThat(TechnicianProposal.unmet(t, "AIR_CONDITIONER", "SP-HAIDIAN")).isEmpty();
        assertThat(TechnicianProposal.propose(List.of(t), "AIR_CONDITIONER", null)).as("no region: nobody proposed")
                .isEmpty();
    }

    @Test
    @DisplayName("DSP-02 never over daily capacity: the load counts today's closed assignments as well as the open orders")
    void DSP02_capacity() {
        assertThat(TechnicianProposal.loadToday(2, 3)).isEqualTo(5);
        Candidate full = tech("full", WorkingStatus.AVAILABLE, false, 2, TechnicianProposal.loadToday(2, 3), 5, null);
        Candidate room = tech("room", WorkingStatus.AVAILABLE, false, 4, 4, 5, null);
        assertThat(TechnicianProposal.unmet(full, "AIR_CONDITIONER", "NORTH")).containsExactly(Unmet.CAPACITY);
        assertThat(TechnicianProposal.propose(List.of(full, room), "AIR_CONDITIONER", "NORTH"))
                .map(Candidate::login).contains("room");
    }

    @Test
    @DisplayName("DSP-02 DSP-04 the ranking leaves out who handed the order back; the runner-up is next best")
    void DSP02_rankingExcludes() {
        Candidate a = tech("a", WorkingStatus.AVAILABLE, false, 0, 0, 5, null);
        Candidate b = tech("b", WorkingStatus.AVAILABLE, false, 1, 1, 5, null);
        Candidate c = tech("c", WorkingStatus.AVAILABLE, false, 2, 2, 5, null);
        assertThat(TechnicianProposal.ranked(List.of(c, b, a), "AIR_CONDITIONER", "NORTH", Set.of("a")))
                .extracting(Candidate::login).containsExactly("b", "c");
    }

    @Test
    @DisplayName("DSP-02 property: the proposal always qualifies, and no qualifying technician has fewer open orders, or as few and idle longer")
    void DSP02_propertyTheProposalIsTheBest() {
        Random random = new Random(4711);
        WorkingStatus[] statuses = WorkingStatus.values();
        for (int round = 0; round < 2_000; round++) {
            List<Candidate> candidates = new ArrayList<>();
            int size = 1 + random.nextInt(8);
            for (int i = 0; i < size; i++) {
                int open = random.nextInt(6);
                Set<String> lines = random.nextBoolean() ? Set.of("AIR_CONDITIONER") : Set.of("LAUNDRY");
                Set<String> regions = random.nextInt(4) == 0 ? Set.of("SOUTH") : Set.of("NORTH");
                Instant last = random.nextInt(5) == 0 ? null : MORNING.plusSeconds(random.nextInt(5) * 60L);
                candidates.add(new Candidate("t" + i, lines, regions, statuses[random.nextInt(statuses.length)],
                        random.nextInt(6) == 0, open, open + random.nextInt(3), 1 + random.nextInt(6), last, null));
            }
            var proposal = TechnicianProposal.propose(candidates, "AIR_CONDITIONER", "NORTH");
            List<Candidate> qualifying = candidates.stream()
                    .filter(c -> TechnicianProposal.unmet(c, "AIR_CONDITIONER", "NORTH").isEmpty()).toList();
            assertThat(proposal.isPresent()).isEqualTo(!qualifying.isEmpty());
            proposal.ifPresent(p -> {
                assertThat(p.available()).isTrue();
                assertThat(p.productLines()).contains("AIR_CONDITIONER");
                assertThat(p.regions()).contains("NORTH");
                assertThat(p.loadToday()).isLessThan(p.dailyCapacity());
                for (Candidate q : qualifying) {
                    assertThat(q.openWorkOrders()).isGreaterThanOrEqualTo(p.openWorkOrders());
                    if (q.openWorkOrders() == p.openWorkOrders() && p.lastAssignedAt() != null) {
                        assertThat(q.lastAssignedAt() == null).isFalse();
                        assertThat(q.lastAssignedAt()).isAfterOrEqualTo(p.lastAssignedAt());
                    }
                }
            });
        }
    }
}
