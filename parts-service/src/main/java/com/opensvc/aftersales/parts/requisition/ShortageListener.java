package com.opensvc.aftersales.parts.requisition;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.opensvc.aftersales.parts.stock.StockShortage;

import lombok.RequiredArgsConstructor;

/** PRT-01: a shortage at a store raises (or adds to) its automatic replenishment requisition, in the same transaction. */
@Component
@RequiredArgsConstructor
class ShortageListener {
    private final Requisitions requisitions;

    @EventListener
    void shortage(StockShortage shortage) {
        requisitions.shortage(shortage);
    }
}
