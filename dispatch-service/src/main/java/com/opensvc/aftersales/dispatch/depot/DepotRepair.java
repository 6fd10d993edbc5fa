package com.opensvc.aftersales.dispatch.depot;

import static com.opensvc.aftersales.dispatch.depot.DepotRepairState.AT_FACTORY;
import static com.opensvc.aftersales.dispatch.depot.DepotRepairState.AUTHORISED;
import static com.opensvc.aftersales.dispatch.depot.DepotRepairState.CLOSED;
import static com.opensvc.aftersales.dispatch.depot.DepotRepairState.IN_REPAIR;
import static com.opensvc.aftersales.dispatch.depot.DepotRepairState.REPAIRED;
import static com.opensvc.aftersales.dispatch.depot.DepotRepairState.RETURNED;
import static com.opensvc.aftersales.dispatch.depot.DepotRepairState.TESTED;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.opensvc.aftersales.dispatch.depot.DepotRepairChange.Step;
import com.opensvc.aftersales.dispatch.depot.DepotRepairEvents.DepotRepairReturned;
import com.opensvc.aftersales.dispatch.depot.DepotRepairEvents.LoanerOutcome;
import com.opensvc.aftersales.dispatch.depot.DepotRepairEvents.LoanerUnitLent;
import com.opensvc.aftersales.dispatch.depot.DepotRepairEvents.LoanerUnitReturned;
import com.opensvc.aftersales.dispatch.depot.DepotRepairEvents.ProductCarriedIn;
import com.opensvc.aftersales.dispatch.workorder.RecordVisitRequest;
import com.opensvc.aftersales.dispatch.workorder.WorkOrderEvent;
import com.opensvc.aftersales.web.InvalidFieldException;

/**
 * DSP-07: a work order handled at the depot. Each step guards its state ({@link DepotRepairState}'s table) and returns
 * the {@link DepotRepairChange} it caused. The clock runs from receipt ({@code receivedAt}) to the hand-over to the
 * carrier; {@code dueAt} is receipt plus the target days, moved later by the time the product was away at the factory
 * (transit excluded); {@code pausedAt} is set while it is away.
 */
public record DepotRepair(UUID id, UUID workOrderId, UUID ticketId, String rmaNumber, DepotOption option,
                          DepotArrival arrival, boolean equipmentMustKeepWorking, DepotRepairState state,
                          Instant createdAt, String createdBy, Instant receivedAt, Instant dueAt, Instant pausedAt,
                          String exchangeUnitSerial, Loaner loaner, RepairReport report, FactoryShipment factory,
                          ReturnShipment returnShipment, Instant closedAt, int version) {

    /** A loaner unit lent at receipt (LOANER_WHILE_REPAIRING); {@code returnedAt} null while it is out. */
    public record Loaner(String serialNumber, Instant lentAt, Instant returnedAt, LoanerOutcome outcome, String note) {
        public boolean out() {
            return returnedAt == null;
        }
    }

    /** The repair step's report: the fields of DSP-05's fixed visit. */
    public record RepairReport(String symptom, String causeCode, String actions,
                               List<RecordVisitRequest.PartUsed> partsUsed, int labourMinutes, String recordedBy,
                               Instant recordedAt) {
    }

    /** RETURN_TO_FACTORY: the shipment to the factory; {@code backAt} when it came back. */
    public record FactoryShipment(String carrier, String trackingNumber, Instant shippedAt, Instant backAt) {
    }

    /** Where the repaired product went: to the customer, or into stock after an exchange (EXCHANGE_FIRST). */
    public enum ReturnedTo {
        CUSTOMER, STOCK
    }

    /** DSP-07: the return; the postage is the company's, always (a cost entered is a company cost). */
    public record ReturnShipment(ReturnedTo returnedTo, String carrier, String trackingNumber, String postagePaidBy,
                                 BigDecimal postageCost, String currency, Instant handedToCarrierAt,
                                 boolean withinTarget) {
    }

    public static final String POSTAGE_PAID_BY = "COMPANY";

    /** DSP-07: the return authorisation is issued; the product is on its way (not on the clock yet). */
    static DepotRepairChange authorise(UUID workOrderId, UUID ticketId, String rmaNumber, DepotOption option,
                                       DepotArrival arrival, boolean equipmentMustKeepWorking, String actor,
                                       Instant now) {
        if (equipmentMustKeepWorking && !option.keepsCustomerWorking()) {
            throw new InvalidFieldException("option", "must be EXCHANGE_FIRST or LOANER_WHILE_REPAIRING: the customer's"
                    + " equipment must keep working meanwhile (equipmentMustKeepWorking)");
        }
        DepotRepair authorised = new Builder().id(UUID.randomUUID()).workOrderId(workOrderId).ticketId(ticketId)
                .rmaNumber(rmaNumber).option(option).arrival(arrival).equipmentMustKeepWorking(equipmentMustKeepWorking)
                .state(AUTHORISED).createdAt(now).createdBy(actor).build();
        return DepotRepairChange.opened(authorised, new Step(now, actor, "AUTHORISED", null, AUTHORISED,
                details("rmaNumber", rmaNumber, "option", option, "arrival", arrival,
                        "equipmentMustKeepWorking", equipmentMustKeepWorking)));
    }

    /**
     * Receive: the product is at the depot; the clock starts. EXCHANGE_FIRST hands the customer an exchange unit and
     * LOANER_WHILE_REPAIRING lends one now (its serial is required); no other option takes a serial.
     */
    DepotRepairChange receive(String exchangeUnitSerial, String loanerUnitSerial, String notes, Duration target,
                              String actor, Instant now) {
        DepotRepairState next = state.requireTransitionTo(IN_REPAIR);
        List<InvalidFieldException.FieldError> errors = new ArrayList<>();
        requireSerialFor(DepotOption.EXCHANGE_FIRST, "exchangeUnitSerial", exchangeUnitSerial, errors);
        requireSerialFor(DepotOption.LOANER_WHILE_REPAIRING, "loanerUnitSerial", loanerUnitSerial, errors);
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        Builder received = toBuilder().state(next).receivedAt(now).dueAt(now.plus(target))
                .exchangeUnitSerial(blankToNull(exchangeUnitSerial)).version(version + 1);
        List<WorkOrderEvent> events = new ArrayList<>();
        events.add(new ProductCarriedIn(id, workOrderId, ticketId, rmaNumber, option, arrival, now.plus(target),
                blankToNull(exchangeUnitSerial), blankToNull(loanerUnitSerial), actor, now));
        if (option == DepotOption.LOANER_WHILE_REPAIRING) {
            received.loaner(new Loaner(loanerUnitSerial.strip(), now, null, null, null));
            events.add(new LoanerUnitLent(id, workOrderId, ticketId, rmaNumber, loanerUnitSerial.strip(), actor, now));
        }
        return new DepotRepairChange(received.build(), false, List.of(new Step(now, actor, "RECEIVED", state, next,
                details("exchangeUnitSerial", blankToNull(exchangeUnitSerial), "loanerUnitSerial",
                        blankToNull(loanerUnitSerial), "notes", notes, "dueAt", now.plus(target)))), events);
    }

    /** Repair: the report of what was done (DSP-05's fields); RETURN_TO_FACTORY only once the product is back. */
    DepotRepairChange repair(RepairReport report, String actor, Instant now) {
        if (option == DepotOption.RETURN_TO_FACTORY && (factory == null || factory.backAt() == null)) {
            throw state.conflict("record the repair: a RETURN_TO_FACTORY product is repaired by the factory;"
                    + " record its shipment and its return from the factory first");
        }
        DepotRepairState next = state.requireTransitionTo(REPAIRED);
        return DepotRepairChange.of(toBuilder().state(next).report(report).version(version + 1).build(),
                new Step(now, actor, "REPAIRED", state, next, details("symptom", report.symptom(), "causeCode",
                        report.causeCode(), "actions", report.actions(), "partsUsed", report.partsUsed(),
                        "labourMinutes", report.labourMinutes())));
    }

    /** Test: passed → ready to go back; failed → back to repair (the notes say what failed). */
    DepotRepairChange test(boolean passed, String notes, String actor, Instant now) {
        DepotRepairState next = state.requireTransitionTo(passed ? TESTED : IN_REPAIR);
        if (!passed && (notes == null || notes.isBlank())) {
            throw new InvalidFieldException("notes", "must say what failed when the test did not pass");
        }
        return DepotRepairChange.of(toBuilder().state(next).version(version + 1).build(),
                new Step(now, actor, passed ? "TEST_PASSED" : "TEST_FAILED", state, next, details("notes", notes)));
    }

    /** RETURN_TO_FACTORY: the product leaves for the factory; the clock pauses until it is back. */
    DepotRepairChange shipToFactory(String carrier, String trackingNumber, String actor, Instant now) {
        if (option != DepotOption.RETURN_TO_FACTORY) {
            throw state.conflict("ship to the factory: the option is " + option);
        }
        if (factory != null) {
            throw state.conflict("ship to the factory: it was shipped at " + factory.shippedAt());
        }
        DepotRepairState next = state.requireTransitionTo(AT_FACTORY);
        return DepotRepairChange.of(toBuilder().state(next).pausedAt(now)
                        .factory(new FactoryShipment(carrier, blankToNull(trackingNumber), now, null))
                        .version(version + 1).build(),
                new Step(now, actor, "SHIPPED_TO_FACTORY", state, next,
                        details("carrier", carrier, "trackingNumber", blankToNull(trackingNumber))));
    }

    /** RETURN_TO_FACTORY: back from the factory; the clock runs again, due later by the time it was away. */
    DepotRepairChange backFromFactory(String notes, String actor, Instant now) {
        DepotRepairState next = state.requireTransitionTo(IN_REPAIR);
        Duration away = Duration.between(pausedAt, now);
        return DepotRepairChange.of(toBuilder().state(next).pausedAt(null).dueAt(dueAt.plus(away))
                        .factory(new FactoryShipment(factory.carrier(), factory.trackingNumber(), factory.shippedAt(),
                                now))
                        .version(version + 1).build(),
                new Step(now, actor, "BACK_FROM_FACTORY", state, next,
                        details("notes", notes, "awaySeconds", away.toSeconds(), "dueAt", dueAt.plus(away))));
    }

    /**
     * Return: handed to the carrier (the clock stops: within target when not after {@code dueAt}); EXCHANGE_FIRST's
     * repaired unit goes into stock instead. The postage is the company's. With no loaner out the repair is CLOSED.
     */
    DepotRepairChange returnProduct(String carrier, String trackingNumber, BigDecimal postageCost, String currency,
                                    String actor, Instant now) {
        DepotRepairState next = state.requireTransitionTo(RETURNED);
        ReturnedTo to = option == DepotOption.EXCHANGE_FIRST ? ReturnedTo.STOCK : ReturnedTo.CUSTOMER;
        List<InvalidFieldException.FieldError> errors = new ArrayList<>();
        if (to == ReturnedTo.CUSTOMER && (carrier == null || carrier.isBlank())) {
            errors.add(new InvalidFieldException.FieldError("carrier",
                    "must name the carrier the product is handed to (CUSTOMER_COLLECTS when the customer collects it)"));
        }
        if (postageCost != null && currency == null) {
            errors.add(new InvalidFieldException.FieldError("currency", "must be given with postageCost"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        boolean withinTarget = !now.isAfter(dueAt);
        ReturnShipment shipment = new ReturnShipment(to, blankToNull(carrier), blankToNull(trackingNumber),
                POSTAGE_PAID_BY, postageCost, postageCost == null ? null : currency, now, withinTarget);
        DepotRepairChange returned = new DepotRepairChange(
                toBuilder().state(next).returnShipment(shipment).version(version + 1).build(), false,
                List.of(new Step(now, actor, "RETURNED", state, next, details("returnedTo", to, "carrier",
                        shipment.carrier(), "trackingNumber", shipment.trackingNumber(), "postagePaidBy",
                        POSTAGE_PAID_BY, "postageCost", postageCost, "currency", shipment.currency(),
                        "withinTarget", withinTarget))),
                List.of(new DepotRepairReturned(id, workOrderId, ticketId, rmaNumber, option, to, shipment.carrier(),
                        shipment.trackingNumber(), POSTAGE_PAID_BY,
                        postageCost == null ? null : postageCost.setScale(2, RoundingMode.HALF_UP).toPlainString(),
                        shipment.currency(), receivedAt,
                        withinTarget, actor, now)));
        return returned.andThen(r -> r.closeIfNothingOutstanding(actor, now));
    }

    /** The loaner unit came back; a returned repair is now CLOSED. */
    DepotRepairChange loanerReturned(String notes, String actor, Instant now) {
        return loanerEnded(LoanerOutcome.RETURNED, notes, actor, now);
    }

    /** The supervisor decided the customer keeps the loaner (e.g. it becomes their exchange unit). */
    DepotRepairChange loanerKept(String reason, String actor, Instant now) {
        return loanerEnded(LoanerOutcome.KEPT_BY_CUSTOMER, reason, actor, now);
    }

    private DepotRepairChange loanerEnded(LoanerOutcome outcome, String note, String actor, Instant now) {
        if (loaner == null || !loaner.out()) {
            throw state.conflict("end the loan: " + (loaner == null ? "no loaner unit was lent"
                    : "loaner " + loaner.serialNumber() + " ended at " + loaner.returnedAt()));
        }
        Loaner ended = new Loaner(loaner.serialNumber(), loaner.lentAt(), now, outcome, note);
        DepotRepairChange change = new DepotRepairChange(toBuilder().loaner(ended).version(version + 1).build(), false,
                List.of(new Step(now, actor, outcome == LoanerOutcome.RETURNED ? "LOANER_RETURNED" : "LOANER_KEPT",
                        null, null, details("serialNumber", loaner.serialNumber(), "notes", note))),
                List.of(new LoanerUnitReturned(id, workOrderId, ticketId, rmaNumber, loaner.serialNumber(), outcome,
                        note, actor, now)));
        return change.andThen(r -> r.closeIfNothingOutstanding(actor, now));
    }

    private DepotRepairChange closeIfNothingOutstanding(String actor, Instant now) {
        if (state != RETURNED || (loaner != null && loaner.out())) {
            return DepotRepairChange.quiet(this);
        }
        DepotRepairState next = state.requireTransitionTo(CLOSED);
        return DepotRepairChange.of(toBuilder().state(next).closedAt(now).version(version + 1).build(),
                new Step(now, actor, "CLOSED", state, next, Map.of()));
    }

    /** What the work order's completion (RepairClosed) reports; the RMA number stands for the customer's confirmation. */
    RecordVisitRequest visitReport() {
        return new RecordVisitRequest(RecordVisitRequest.Outcome.FIXED, report.symptom(), report.causeCode(),
                report.actions(), report.partsUsed(), report.labourMinutes(), rmaNumber);
    }

    private void requireSerialFor(DepotOption needing, String field, String serial,
                                  List<InvalidFieldException.FieldError> errors) {
        boolean given = serial != null && !serial.isBlank();
        if (option == needing && !given) {
            errors.add(new InvalidFieldException.FieldError(field, "is required for option " + needing));
        } else if (option != needing && given) {
            errors.add(new InvalidFieldException.FieldError(field, "is only for option " + needing
                    + "; this depot repair is " + option));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Step details in order, leaving out nulls. */
    private static Map<String, Object> details(Object... pairs) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                details.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return details;
    }

    Builder toBuilder() {
        return new Builder(this);
    }

    /** Names each field, so neither a new repair nor a row read back is a list of positional nulls. */
    static final class Builder {
        private UUID id;
        private UUID workOrderId;
        private UUID ticketId;
        private String rmaNumber;
        private DepotOption option;
        private DepotArrival arrival;
        private boolean equipmentMustKeepWorking;
        private DepotRepairState state;
        private Instant createdAt;
        private String createdBy;
        private Instant receivedAt;
        private Instant dueAt;
        private Instant pausedAt;
        private String exchangeUnitSerial;
        private Loaner loaner;
        private RepairReport report;
        private FactoryShipment factory;
        private ReturnShipment returnShipment;
        private Instant closedAt;
        private int version;

        Builder() {
        }

        private Builder(DepotRepair d) {
            id(d.id).workOrderId(d.workOrderId).ticketId(d.ticketId).rmaNumber(d.rmaNumber).option(d.option)
                    .arrival(d.arrival).equipmentMustKeepWorking(d.equipmentMustKeepWorking).state(d.state)
                    .createdAt(d.createdAt).createdBy(d.createdBy).receivedAt(d.receivedAt).dueAt(d.dueAt)
                    .pausedAt(d.pausedAt).exchangeUnitSerial(d.exchangeUnitSerial).loaner(d.loaner).report(d.report)
                    .factory(d.factory).returnShipment(d.returnShipment).closedAt(d.closedAt).version(d.version);
        }

        Builder id(UUID value) { id = value; return this; }
        Builder workOrderId(UUID value) { workOrderId = value; return this; }
        Builder ticketId(UUID value) { ticketId = value; return this; }
        Builder rmaNumber(String value) { rmaNumber = value; return this; }
        Builder option(DepotOption value) { option = value; return this; }
        Builder arrival(DepotArrival value) { arrival = value; return this; }
        Builder equipmentMustKeepWorking(boolean value) { equipmentMustKeepWorking = value; return this; }
        Builder state(DepotRepairState value) { state = value; return this; }
        Builder createdAt(Instant value) { createdAt = value; return this; }
        Builder createdBy(String value) { createdBy = value; return this; }
        Builder receivedAt(Instant value) { receivedAt = value; return this; }
        Builder dueAt(Instant value) { dueAt = value; return this; }
        Builder pausedAt(Instant value) { pausedAt = value; return this; }
        Builder exchangeUnitSerial(String value) { exchangeUnitSerial = value; return this; }
        Builder loaner(Loaner value) { loaner = value; return this; }
        Builder report(RepairReport value) { report = value; return this; }
        Builder factory(FactoryShipment value) { factory = value; return this; }
        Builder returnShipment(ReturnShipment value) { returnShipment = value; return this; }
        Builder closedAt(Instant value) { closedAt = value; return this; }
        Builder version(int value) { version = value; return this; }

        DepotRepair build() {
            return new DepotRepair(id, workOrderId, ticketId, rmaNumber, option, arrival, equipmentMustKeepWorking,
                    state, createdAt, createdBy, receivedAt, dueAt, pausedAt, exchangeUnitSerial, loaner, report,
                    factory, returnShipment, closedAt, version);
        }
    }
}
