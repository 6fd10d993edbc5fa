package com.opensvc.aftersales.quality.claim;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.opensvc.aftersales.quality.defect.DefectClassified;

import lombok.RequiredArgsConstructor;

/** In-process, synchronous: the defect feature's classification may raise a supplier claim in its transaction. */
@Component
@RequiredArgsConstructor
class DefectClassifiedListener {
    private final SupplierClaimService claims;

    @EventListener
    void classified(DefectClassified classified) {
        claims.defectClassified(classified);
    }
}
