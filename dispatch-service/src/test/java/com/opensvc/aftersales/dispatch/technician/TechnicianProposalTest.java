package com.opensvc.aftersales.dispatch.technician;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("DSP-02 technician proposal")
class TechnicianProposalTest {
    private static final Instant MORNING = Instant.parse("2026-11-23T01:00:00Z");

    private static Candidate tech(String login, int open, Instant lastAssigned) {
        return new Candidate(login, Set.of("AIR_CONDITIONER"), Set.of("NORTH"), true, open, 5, lastAssigned);
    }

    @Test
    @DisplayName("DSP-02 fewest open work orders wins")
    void DSP02_fewestOpen() {
        var proposal = TechnicianProposal.propose(List.of(tech("a", 3, null), tech("b", 1, MORNING), tech("c", 2, null)),
                "AIR_CONDITIONER", "NORTH");
        assertThat(proposal).map(Candidate::login).contains("b");
    }

    @Test
    @DisplayName("DSP-02 a tie goes to the longest idle; never assigned counts as idle longest")
    void DSP02_tieByLongestIdle() {
        var proposal = TechnicianProposal.propose(List.of(tech("a", 1, MORNING.plusSeconds(60)), tech("b", 1, MORNING)),
                "AIR_CONDITIONER", "NORTH");
        assertThat(proposal).map(Candidate::login).contains("b");
        var never = TechnicianProposal.propose(List.of(tech("a", 1, MORNING), tech("z", 1, null)), "AIR_CONDITIONER", "NORTH");
        assertThat(never).map(Candidate::login).contains("z");
    }

    @Test
    @DisplayName("DSP-02 never one at daily capacity, unavailable, without the skill or outside the region")
    void DSP02_filters() {
        var full = new Candidate("full", Set.of("AIR_CONDITIONER"), Set.of("NORTH"), true, 5, 5, null);
        var away = new Candidate("away", Set.of("AIR_CONDITIONER"), Set.of("NORTH"), false, 0, 5, null);
        var washer = new Candidate("washer", Set.of("LAUNDRY"), Set.of("NORTH"), true, 0, 5, null);
        var south = new Candidate("south", Set.of("AIR_CONDITIONER"), Set.of("SOUTH"), true, 0, 5, null);

        assertThat(TechnicianProposal.propose(List.of(full, away, washer, south), "AIR_CONDITIONER", "NORTH")).isEmpty();
        assertThat(TechnicianProposal.propose(List.of(full, away, washer, south), "LAUNDRY", "NORTH"))
                .map(Candidate::login).contains("washer");
    }
}
