package com.opensvc.aftersales.parts.loan;

import java.util.List;

import com.opensvc.aftersales.parts.stock.PartLine;

/**
 * What a reservation's transition caused (PRT-01): the reservation as it is now, the reserved stock to issue to the
 * technician or to release, the events, and — when it starts waiting — that a backorder opens for {@code missing}.
 */
record ReservationChange(Reservation reservation, List<PartLine> toIssue, List<PartLine> toRelease,
                         List<PartsEvent> events, boolean backorderOpens, List<PartLine> missing) {

    ReservationChange(Reservation reservation, List<PartLine> toIssue, List<PartLine> toRelease,
                      List<PartsEvent> events, boolean backorderOpens) {
        this(reservation, toIssue, toRelease, events, backorderOpens, List.of());
    }
}
