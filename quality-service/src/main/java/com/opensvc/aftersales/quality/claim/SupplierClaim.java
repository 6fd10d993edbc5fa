package com.opensvc.aftersales.quality.claim;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.opensvc.aftersales.quality.claim.SupplierClaimEvent.SupplierClaimRaised;
import com.opensvc.aftersales.quality.claim.SupplierClaimEvent.SupplierClaimSettled;

/**
 * A supplier claim (QLT-09) and its transitions, each returning the {@link SupplierClaimChange} it causes: raised for a
 * failure caused by a purchased component (NEEDS_SUPPLIER while the part is not registered), submitted to the supplier
 * by purchasing, accepted or rejected by the supplier, settled with the recovered amount or closed.
 */
public record SupplierClaim(UUID id, String claimNumber, UUID defectId, UUID ticketId, String productModel,
                            String serialNumber, String productionBatch, String partNumber, String supplier,
                            String supplierPartNumber, String failureMode, String cause, SupplierClaimState state,
                            String submissionReference, String decisionNote, BigDecimal recoveredAmount,
                            String currency, String closeNote, String raisedBy, Instant raisedAt, Instant updatedAt,
                            int version) {

    /** QLT-09: the claim of a failure; the supplier comes from the registered purchased component, if any. */
    static SupplierClaimChange raise(UUID id, String claimNumber, ClaimedFailure failure, PurchasedComponent component,
                                     String actor, Instant now) {
        SupplierClaim claim = builder().id(id).claimNumber(claimNumber).defectId(failure.defectId())
                .ticketId(failure.ticketId()).productModel(failure.productModel())
                .serialNumber(failure.serialNumber()).productionBatch(failure.productionBatch())
                .partNumber(failure.partNumber()).failureMode(failure.failureMode()).cause(failure.cause())
                .supplier(component == null ? null : component.supplier())
                .supplierPartNumber(component == null ? null : component.supplierPartNumber())
                .state(component == null ? SupplierClaimState.NEEDS_SUPPLIER : SupplierClaimState.OPEN)
                .raisedBy(actor).raisedAt(now).updatedAt(now).version(0).build();
        SupplierClaimRaised raised = new SupplierClaimRaised(id, claimNumber, claim.defectId, claim.ticketId,
                claim.productModel, claim.serialNumber, claim.productionBatch, claim.partNumber, claim.supplier,
                claim.supplierPartNumber, claim.failureMode, claim.cause, claim.state.name(), actor, now);
        return new SupplierClaimChange(claim, true, new SupplierClaimHistory(now, actor, "RAISED", null, claim.state,
                "defect " + failure.defectId() + ", part " + failure.partNumber()
                        + (component == null ? ", supplier unknown" : ", supplier " + component.supplier())),
                List.of(raised));
    }

    /** NEEDS_SUPPLIER → OPEN: the part was registered as purchased from this supplier. */
    SupplierClaimChange assignSupplier(PurchasedComponent component, String actor, Instant now) {
        SupplierClaimState next = state.requireTransitionTo(SupplierClaimState.OPEN,
                "be given a supplier (only a claim that NEEDS_SUPPLIER)");
        SupplierClaim opened = toBuilder().state(next).supplier(component.supplier())
                .supplierPartNumber(component.supplierPartNumber()).updatedAt(now).version(version + 1).build();
        return change(opened, "SUPPLIER_ASSIGNED", actor, now, "supplier " + component.supplier(), List.of());
    }

    /** OPEN → SUBMITTED: purchasing sent the claim to the supplier. */
    SupplierClaimChange submit(String reference, String actor, Instant now) {
        SupplierClaimState next = state.requireTransitionTo(SupplierClaimState.SUBMITTED,
                "be submitted (only an OPEN claim, whose supplier is known)");
        SupplierClaim submitted = toBuilder().state(next).submissionReference(reference.strip()).updatedAt(now)
                .version(version + 1).build();
        return change(submitted, "SUBMITTED", actor, now, "reference " + submitted.submissionReference, List.of());
    }

    /** SUBMITTED → ACCEPTED or REJECTED: the supplier's answer. */
    SupplierClaimChange decide(boolean accepted, String note, String actor, Instant now) {
        SupplierClaimState next = state.requireTransitionTo(
                accepted ? SupplierClaimState.ACCEPTED : SupplierClaimState.REJECTED,
                "record the supplier's decision (only of a SUBMITTED claim)");
        String text = note == null || note.isBlank() ? null : note.strip();
        SupplierClaim decided = toBuilder().state(next).decisionNote(text).updatedAt(now).version(version + 1).build();
        return change(decided, accepted ? "ACCEPTED" : "REJECTED", actor, now, text, List.of());
    }

    /** ACCEPTED → SETTLED: the recovered amount is booked; purchasing's and finance's systems hear of it. */
    SupplierClaimChange settle(BigDecimal amount, String currency, String actor, Instant now) {
        SupplierClaimState next = state.requireTransitionTo(SupplierClaimState.SETTLED,
                "be settled (only an ACCEPTED claim)");
        BigDecimal recovered = amount.setScale(2);
        SupplierClaim settled = toBuilder().state(next).recoveredAmount(recovered).currency(currency).updatedAt(now)
                .version(version + 1).build();
        return change(settled, "SETTLED", actor, now, recovered.toPlainString() + " " + currency,
                List.of(new SupplierClaimSettled(id, claimNumber, ticketId, partNumber, supplier, recovered, currency,
                        actor, now)));
    }

    /** → CLOSED: given up (no supplier, withdrawn, rejected) or done without money. */
    SupplierClaimChange close(String note, String actor, Instant now) {
        SupplierClaimState next = state.requireTransitionTo(SupplierClaimState.CLOSED,
                "be closed (SUBMITTED waits for the supplier's decision; SETTLED and CLOSED are final)");
        SupplierClaim closed = toBuilder().state(next).closeNote(note.strip()).updatedAt(now).version(version + 1)
                .build();
        return change(closed, "CLOSED", actor, now, closed.closeNote, List.of());
    }

    private SupplierClaimChange change(SupplierClaim after, String action, String actor, Instant now, String detail,
                                       List<SupplierClaimEvent> events) {
        return new SupplierClaimChange(after, false, new SupplierClaimHistory(now, actor, action, state, after.state,
                detail), events);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().id(id).claimNumber(claimNumber).defectId(defectId).ticketId(ticketId)
                .productModel(productModel).serialNumber(serialNumber).productionBatch(productionBatch)
                .partNumber(partNumber).supplier(supplier).supplierPartNumber(supplierPartNumber)
                .failureMode(failureMode).cause(cause).state(state).submissionReference(submissionReference)
                .decisionNote(decisionNote).recoveredAmount(recoveredAmount).currency(currency).closeNote(closeNote)
                .raisedBy(raisedBy).raisedAt(raisedAt).updatedAt(updatedAt).version(version);
    }

    /** Builds a claim by name (the row mapper, and each transition's next state). */
    public static final class Builder {
        private UUID id;
        private String claimNumber;
        private UUID defectId;
        private UUID ticketId;
        private String productModel;
        private String serialNumber;
        private String productionBatch;
        private String partNumber;
        private String supplier;
        private String supplierPartNumber;
        private String failureMode;
        private String cause;
        private SupplierClaimState state;
        private String submissionReference;
        private String decisionNote;
        private BigDecimal recoveredAmount;
        private String currency;
        private String closeNote;
        private String raisedBy;
        private Instant raisedAt;
        private Instant updatedAt;
        private int version;

        private Builder() {
        }

        public Builder id(UUID value) { id = value; return this; }
        public Builder claimNumber(String value) { claimNumber = value; return this; }
        public Builder defectId(UUID value) { defectId = value; return this; }
        public Builder ticketId(UUID value) { ticketId = value; return this; }
        public Builder productModel(String value) { productModel = value; return this; }
        public Builder serialNumber(String value) { serialNumber = value; return this; }
        public Builder productionBatch(String value) { productionBatch = value; return this; }
        public Builder partNumber(String value) { partNumber = value; return this; }
        public Builder supplier(String value) { supplier = value; return this; }
        public Builder supplierPartNumber(String value) { supplierPartNumber = value; return this; }
        public Builder failureMode(String value) { failureMode = value; return this; }
        public Builder cause(String value) { cause = value; return this; }
        public Builder state(SupplierClaimState value) { state = value; return this; }
        public Builder submissionReference(String value) { submissionReference = value; return this; }
        public Builder decisionNote(String value) { decisionNote = value; return this; }
        public Builder recoveredAmount(BigDecimal value) { recoveredAmount = value; return this; }
        public Builder currency(String value) { currency = value; return this; }
        public Builder closeNote(String value) { closeNote = value; return this; }
        public Builder raisedBy(String value) { raisedBy = value; return this; }
        public Builder raisedAt(Instant value) { raisedAt = value; return this; }
        public Builder updatedAt(Instant value) { updatedAt = value; return this; }
        public Builder version(int value) { version = value; return this; }

        public SupplierClaim build() {
            return new SupplierClaim(id, claimNumber, defectId, ticketId, productModel, serialNumber, productionBatch,
                    partNumber, supplier, supplierPartNumber, failureMode, cause, state, submissionReference,
                    decisionNote, recoveredAmount, currency, closeNote, raisedBy, raisedAt, updatedAt, version);
        }
    }
}
