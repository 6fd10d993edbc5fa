package com.opensvc.aftersales.dispatch.depot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.dispatch.depot.DepotRepair.RepairReport;
import com.opensvc.aftersales.dispatch.depot.DepotRepairEvents.DepotRepairReturned;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.StateConflictException;

/** The depot repair's steps and clock as rules (no Spring). */
class DepotRepairTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration FIVE_DAYS = Duration.ofDays(5);

    private static DepotRepair authorised(DepotOption option) {
        return DepotRepair.authorise(UUID.randomUUID(), UUID.randomUUID(), "RMA-2026-000001", option,
                DepotArrival.POSTED_IN, false, "sup.zhao", T0.minus(Duration.ofDays(2))).repair();
    }

    private static DepotRepair tested(DepotRepair received, Instant at) {
        DepotRepair repaired = received.repair(new RepairReport("s", "c", "a", List.of(), 30, "tech", at), "tech", at)
                .repair();
        return repaired.test(true, null, "tech", at).repair();
    }

    @Test
    @DisplayName("DSP-07 the clock runs from receipt to the hand-over: exactly at the due time is within target, a second later is not")
    void DSP07_withinTargetAtTheDueTime() {
        DepotRepair received = authorised(DepotOption.REPAIR_AND_RETURN).receive(null, null, null, FIVE_DAYS, "store", T0)
                .repair();
        assertThat(received.dueAt()).isEqualTo(T0.plus(FIVE_DAYS));
        Instant due = T0.plus(FIVE_DAYS);
        DepotRepairChange onTime = tested(received, due).returnProduct("SF", null, null, null, "store", due);
        assertThat(onTime.repair().returnShipment().withinTarget()).isTrue();
        DepotRepairChange late = tested(received, due).returnProduct("SF", null, new BigDecimal("18"), "CNY", "store",
                due.plusSeconds(1));
        assertThat(late.repair().returnShipment().withinTarget()).isFalse();
        DepotRepairReturned event = (DepotRepairReturned) late.events().get(0);
        assertThat(event.postageCost()).isEqualTo("18.00");
        assertThat(event.postagePaidBy()).isEqualTo("COMPANY");
    }

    @Test
    @DisplayName("DSP-07 transit excluded: the time at the factory moves the due time by as long as the product was away")
    void DSP07_factoryTimeExcluded() {
        DepotRepair received = authorised(DepotOption.RETURN_TO_FACTORY).receive(null, null, null, FIVE_DAYS, "store", T0)
                .repair();
        assertThatThrownBy(() -> received.repair(new RepairReport("s", "c", "a", List.of(), 1, "t", T0), "t", T0))
                .isInstanceOf(StateConflictException.class);
        DepotRepair away = received.shipToFactory("ZTO", null, "store", T0.plus(Duration.ofDays(1))).repair();
        DepotRepair back = away.backFromFactory(null, "store", T0.plus(Duration.ofDays(11))).repair();
        assertThat(back.dueAt()).isEqualTo(T0.plus(Duration.ofDays(15)));
        assertThat(back.pausedAt()).isNull();
    }

    @Test
    @DisplayName("DSP-07 equipment that must keep working needs an exchange or a loaner unit")
    void DSP07_equipmentMustKeepWorking() {
        assertThatThrownBy(() -> DepotRepair.authorise(UUID.randomUUID(), UUID.randomUUID(), "RMA-2026-000002",
                DepotOption.RETURN_TO_FACTORY, DepotArrival.COLLECTED, true, "sup", T0))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("option");
        assertThat(DepotRepair.authorise(UUID.randomUUID(), UUID.randomUUID(), "RMA-2026-000003",
                DepotOption.EXCHANGE_FIRST, DepotArrival.COLLECTED, true, "sup", T0).repair().state())
                .isEqualTo(DepotRepairState.AUTHORISED);
    }

    @Test
    @DisplayName("DSP-07 a returned repair with its loaner out stays RETURNED until the loaner is back (or kept)")
    void DSP07_loanerKeepsTheRepairOpen() {
        DepotRepair received = authorised(DepotOption.LOANER_WHILE_REPAIRING)
                .receive(null, "LOAN-1", null, FIVE_DAYS, "store", T0).repair();
        assertThat(received.loaner().out()).isTrue();
        DepotRepair returned = tested(received, T0).returnProduct("SF", null, null, null, "store", T0).repair();
        assertThat(returned.state()).isEqualTo(DepotRepairState.RETURNED);
        assertThat(returned.closedAt()).isNull();
        DepotRepairChange kept = returned.loanerKept("sold to the customer", "sup", T0.plusSeconds(60));
        assertThat(kept.repair().state()).isEqualTo(DepotRepairState.CLOSED);
        assertThat(kept.repair().loaner().outcome()).isEqualTo(DepotRepairEvents.LoanerOutcome.KEPT_BY_CUSTOMER);
        assertThat(kept.steps()).extracting(DepotRepairChange.Step::step).containsExactly("LOANER_KEPT", "CLOSED");
        assertThatThrownBy(() -> kept.repair().loanerReturned(null, "store", T0)).isInstanceOf(StateConflictException.class);
    }

    @Test
    @DisplayName("DSP-07 the states: nothing is repaired before receipt, returned before a passed test, or received twice")
    void DSP07_stepsInOrder() {
        DepotRepair authorised = authorised(DepotOption.REPAIR_AND_RETURN);
        assertThatThrownBy(() -> authorised.test(true, null, "t", T0)).isInstanceOf(StateConflictException.class);
        DepotRepair received = authorised.receive(null, null, null, FIVE_DAYS, "s", T0).repair();
        assertThatThrownBy(() -> received.receive(null, null, null, FIVE_DAYS, "s", T0))
                .isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> received.returnProduct("SF", null, null, null, "s", T0))
                .isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> received.shipToFactory("ZTO", null, "s", T0)).as("not a factory repair")
                .isInstanceOf(StateConflictException.class);
    }
}
