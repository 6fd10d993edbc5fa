package com.opensvc.aftersales.parts.loan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.opensvc.aftersales.parts.loan.LoanEvents.DefectivePartReceived;
import com.opensvc.aftersales.parts.loan.LoanEvents.PartsReturned;
import com.opensvc.aftersales.parts.loan.LoanEvents.PartsWriteOffBlocked;
import com.opensvc.aftersales.parts.loan.PartsEvent.WrittenOff;
import com.opensvc.aftersales.parts.production.ProductionRecord.Mismatch;
import com.opensvc.aftersales.parts.stock.MovementReason;
import com.opensvc.aftersales.parts.stock.PartLine;
import com.opensvc.aftersales.parts.stock.StockService;

/**
 * A part lent to a work order's technician until it ends in exactly one outcome (PRT-03): consumed under warranty
 * against a matching old part, consumed on paid work against the payment reference, or returned unused, inspected and
 * restocked or scrapped. {@link LoanStatus} is the table of legal moves; each transition returns a {@link LoanChange}
 * with the stock movement and events it causes.
 *
 * @param oldSerial           the old part's serial as the technician reported it on RepairClosed
 * @param oldFactoryDate      the old part's factory date as the technician reported it
 * @param productModel        the repaired unit's model (RepairClosed); with its serial, finds the production record
 * @param closedAt            when the work order closed (RepairClosed's time), PRT-05
 * @param returnedSerial      what the storekeeper read on the old part checked in (the write-off decides on this)
 * @param blockReason         why the write-off is blocked (WRITE_OFF_BLOCKED)
 * @param store               the store an unused part was returned to (its quarantine, then its shelf)
 * @param settledBy           who made the last move
 */
public record Loan(UUID id, UUID workOrderId, UUID ticketId, String technician, String partNumber, int quantity,
                   LoanStatus status, String oldSerial, Instant issuedAt, Instant settledAt, LocalDate oldFactoryDate,
                   String productModel, String productSerialNumber, String entitlement, String causeCode,
                   String symptom, Instant closedAt, String returnedSerial, LocalDate returnedFactoryDate,
                   String blockReason, String paymentReference, String store, String inspectionNote,
                   String settledBy) {

    static Loan lend(UUID workOrderId, UUID ticketId, String technician, String partNumber, int quantity,
                     LoanStatus status, Instant at) {
        return new Builder().id(UUID.randomUUID()).workOrderId(workOrderId).ticketId(ticketId).technician(technician)
                .partNumber(partNumber).quantity(quantity).status(status).issuedAt(at).build();
    }

    /** What the closed repair says about this loan's part (RepairClosed, PRT-03). */
    record Repair(String productModel, String productSerialNumber, String entitlement, String causeCode,
                  String symptom, Instant closedAt, int used, String oldSerial, LocalDate oldFactoryDate, boolean paid,
                  String paymentReference) {
    }

    /**
     * PRT-03: settles the loan against what the technician reported using on the closed repair. The used quantity
     * waits for its old part (warranty), is written off at once against the payment reference RepairClosed carries
     * (paid), or waits for the reference; an unused rest is lent on until it is returned.
     */
    LoanChange settle(Repair repair, String actor, Instant at) {
        Reconciliation.Settlement settlement = Reconciliation.settle(quantity, repair.used(), repair.paid(),
                repair.paymentReference());
        LoanStatus next = status.requireTransitionTo(settlement.status());
        Builder settled = toBuilder().status(next).quantity(settlement.settledQuantity())
                .productModel(repair.productModel()).productSerialNumber(repair.productSerialNumber())
                .entitlement(repair.entitlement()).causeCode(repair.causeCode()).symptom(repair.symptom())
                .closedAt(repair.closedAt()).settledBy(actor);
        if (next == LoanStatus.AWAITING_OLD_PART) {
            settled.oldSerial(repair.oldSerial()).oldFactoryDate(repair.oldFactoryDate());
        }
        Optional<Loan> rest = settlement.returnQuantity() > 0
                ? Optional.of(settled.build().toBuilder().id(UUID.randomUUID()).quantity(settlement.returnQuantity())
                .status(LoanStatus.AWAITING_RETURN).oldSerial(null).oldFactoryDate(null).build())
                : Optional.empty();
        if (next == LoanStatus.CONSUMED_ON_PAID_WORK) {
            return consumedOnPaidWork(settled, repair.paymentReference(), at).withRest(rest);
        }
        return LoanChange.of(settled.build()).withRest(rest);
    }

    /** PRT-03: the payment reference of paid work arrived (PaymentCollected): the used part is written off. */
    LoanChange paymentCollected(String reference, String actor, Instant at) {
        status.requireTransitionTo(LoanStatus.CONSUMED_ON_PAID_WORK);
        return consumedOnPaidWork(toBuilder().settledBy(actor), reference, at);
    }

    private LoanChange consumedOnPaidWork(Builder loan, String reference, Instant at) {
        Loan consumed = loan.status(LoanStatus.CONSUMED_ON_PAID_WORK).paymentReference(reference).settledAt(at).build();
        return LoanChange.of(consumed)
                .withMove(consumed.line(), StockService.holdingOf(technician), null,
                        MovementReason.CONSUMED_ON_PAID_WORK, consumed.productModel())
                .withWrittenOff(new WrittenOff(partNumber, consumed.quantity(), MovementReason.CONSUMED_ON_PAID_WORK,
                        null, id, reference, null));
    }

    /**
     * PRT-03, PRT-04: the storekeeper checked in the old part (serial and/or factory date as read on it). If it is the
     * component the unit's production record lists, the loan is consumed under warranty and the defective part goes
     * to quality; if not (or there is no record), the write-off is blocked until a matching one is checked in.
     */
    LoanChange checkInOldPart(String serial, LocalDate factoryDate, Optional<Mismatch> mismatch, String storekeeper,
                              Instant at) {
        LoanStatus next = status.requireTransitionTo(mismatch.isEmpty() ? LoanStatus.CONSUMED_UNDER_WARRANTY
                : LoanStatus.WRITE_OFF_BLOCKED);
        Builder checked = toBuilder().status(next).returnedSerial(serial).returnedFactoryDate(factoryDate)
                .settledBy(storekeeper);
        if (mismatch.isPresent()) {
            Loan blocked = checked.blockReason(mismatch.get().name()).build();
            return LoanChange.of(blocked).withEvent(new PartsWriteOffBlocked(workOrderId, ticketId, technician, id,
                    partNumber, quantity, serial, factoryDate, mismatch.get().name(), storekeeper, at));
        }
        Loan consumed = checked.blockReason(null).settledAt(at).build();
        return LoanChange.of(consumed)
                .withMove(line(), StockService.holdingOf(technician), null, MovementReason.CONSUMED_UNDER_WARRANTY,
                        productModel)
                .withWrittenOff(new WrittenOff(partNumber, quantity, MovementReason.CONSUMED_UNDER_WARRANTY, serial, id,
                        null, factoryDate))
                .withEvent(new DefectivePartReceived(id, workOrderId, ticketId, technician, partNumber, quantity,
                        serial, factoryDate, productModel, productSerialNumber, causeCode, symptom, storekeeper,
                        storekeeper, at));
    }

    /** The work order was cancelled: whatever was issued goes back (PRT-03 unused). */
    LoanChange cancelled(String actor, Instant at) {
        return LoanChange.of(toBuilder().status(status.requireTransitionTo(LoanStatus.AWAITING_RETURN))
                .closedAt(closedAt != null ? closedAt : at).settledBy(actor).build());
    }

    /** PRT-03: the storekeeper received the unused part from the technician into the store's quarantine. */
    LoanChange returnedUnused(String toStore, String quarantine, String storekeeper, Instant at) {
        Loan returned = toBuilder().status(status.requireTransitionTo(LoanStatus.RETURNED_FOR_INSPECTION))
                .store(toStore).settledBy(storekeeper).build();
        String holding = StockService.holdingOf(technician);
        return LoanChange.of(returned)
                .withMove(line(), holding, quarantine, MovementReason.RETURNED_UNUSED, null)
                .withEvent(new PartsReturned(workOrderId, ticketId, technician, id, partNumber, quantity, holding,
                        quarantine, toStore, storekeeper, at));
    }

    /** PRT-03: the returned part was inspected: back on the store's shelf, or scrapped. */
    LoanChange inspected(boolean passed, String note, String quarantine, String inspector, Instant at) {
        Loan inspected = toBuilder()
                .status(status.requireTransitionTo(passed ? LoanStatus.RESTOCKED : LoanStatus.SCRAPPED))
                .inspectionNote(note).settledBy(inspector).settledAt(at).build();
        if (passed) {
            return LoanChange.of(inspected).withMove(line(), quarantine, store, MovementReason.RESTOCKED, null);
        }
        return LoanChange.of(inspected).withMove(line(), quarantine, null, MovementReason.SCRAPPED, null)
                .withWrittenOff(new WrittenOff(partNumber, quantity, MovementReason.SCRAPPED, null, id, null, null));
    }

    PartLine line() {
        return new PartLine(partNumber, quantity);
    }

    Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a loan (the row mapper, and {@code toBuilder()} in transitions). */
    static final class Builder {
        private UUID id;
        private UUID workOrderId;
        private UUID ticketId;
        private String technician;
        private String partNumber;
        private int quantity;
        private LoanStatus status;
        private String oldSerial;
        private Instant issuedAt;
        private Instant settledAt;
        private LocalDate oldFactoryDate;
        private String productModel;
        private String productSerialNumber;
        private String entitlement;
        private String causeCode;
        private String symptom;
        private Instant closedAt;
        private String returnedSerial;
        private LocalDate returnedFactoryDate;
        private String blockReason;
        private String paymentReference;
        private String store;
        private String inspectionNote;
        private String settledBy;

        Builder() {
        }

        private Builder(Loan l) {
            id = l.id; workOrderId = l.workOrderId; ticketId = l.ticketId; technician = l.technician;
            partNumber = l.partNumber; quantity = l.quantity; status = l.status; oldSerial = l.oldSerial;
            issuedAt = l.issuedAt; settledAt = l.settledAt; oldFactoryDate = l.oldFactoryDate;
            productModel = l.productModel; productSerialNumber = l.productSerialNumber; entitlement = l.entitlement;
            causeCode = l.causeCode; symptom = l.symptom; closedAt = l.closedAt; returnedSerial = l.returnedSerial;
            returnedFactoryDate = l.returnedFactoryDate; blockReason = l.blockReason;
            paymentReference = l.paymentReference; store = l.store; inspectionNote = l.inspectionNote;
            settledBy = l.settledBy;
        }

        Builder id(UUID value) { id = value; return this; }
        Builder workOrderId(UUID value) { workOrderId = value; return this; }
        Builder ticketId(UUID value) { ticketId = value; return this; }
        Builder technician(String value) { technician = value; return this; }
        Builder partNumber(String value) { partNumber = value; return this; }
        Builder quantity(int value) { quantity = value; return this; }
        Builder status(LoanStatus value) { status = value; return this; }
        Builder oldSerial(String value) { oldSerial = value; return this; }
        Builder issuedAt(Instant value) { issuedAt = value; return this; }
        Builder settledAt(Instant value) { settledAt = value; return this; }
        Builder oldFactoryDate(LocalDate value) { oldFactoryDate = value; return this; }
        Builder productModel(String value) { productModel = value; return this; }
        Builder productSerialNumber(String value) { productSerialNumber = value; return this; }
        Builder entitlement(String value) { entitlement = value; return this; }
        Builder causeCode(String value) { causeCode = value; return this; }
        Builder symptom(String value) { symptom = value; return this; }
        Builder closedAt(Instant value) { closedAt = value; return this; }
        Builder returnedSerial(String value) { returnedSerial = value; return this; }
        Builder returnedFactoryDate(LocalDate value) { returnedFactoryDate = value; return this; }
        Builder blockReason(String value) { blockReason = value; return this; }
        Builder paymentReference(String value) { paymentReference = value; return this; }
        Builder store(String value) { store = value; return this; }
        Builder inspectionNote(String value) { inspectionNote = value; return this; }
        Builder settledBy(String value) { settledBy = value; return this; }

        Loan build() {
            return new Loan(id, workOrderId, ticketId, technician, partNumber, quantity, status, oldSerial, issuedAt,
                    settledAt, oldFactoryDate, productModel, productSerialNumber, entitlement, causeCode, symptom,
                    closedAt, returnedSerial, returnedFactoryDate, blockReason, paymentReference, store,
                    inspectionNote, settledBy);
        }
    }
}
