package com.opensvc.aftersales.revisit.happycall;

import java.util.UUID;

import org.springframework.stereotype.Service;

import com.opensvc.aftersales.web.NotFoundException;

import lombok.RequiredArgsConstructor;

/** A revisit as other features read it (the review of INT-26), without reaching into happycall's repository. */
@Service
@RequiredArgsConstructor
public class RevisitLookup {
    private final RevisitRepository revisits;

    /** The revisit as it is stored (404 when there is none). */
    public Revisit get(UUID id) {
        return revisits.find(id).orElseThrow(() -> new NotFoundException("no revisit " + id));
    }
}
