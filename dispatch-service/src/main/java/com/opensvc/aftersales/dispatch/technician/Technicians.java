package com.opensvc.aftersales.dispatch.technician;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import lombok.RequiredArgsConstructor;

/** The technicians as the work orders need them: who to propose (DSP-02), where their parts come from (DSP-03). */
@Service
@RequiredArgsConstructor
public class Technicians {
    private final TechnicianRepository technicians;

    /** DSP-02: the technician to propose for a product line in a region, if anyone qualifies; locks the region's technicians. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<String> propose(String productLine, String region) {
        return TechnicianProposal.propose(technicians.candidatesInRegion(region), productLine, region)
                .map(Candidate::login);
    }

    /** The store the technician's parts are issued from; empty for an unknown login. */
    public Optional<String> homeStore(String login) {
        return technicians.homeStore(login);
    }

    /** The technician was given a work order now (the tie-break of DSP-02's proposal). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void assigned(String login, Instant at) {
        technicians.markAssigned(login, at);
    }
}
