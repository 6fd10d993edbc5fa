package com.opensvc.aftersales.dispatch.maintenance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * DSP-09, RPT-02: the record of one inspection (or maintenance visit), signed by the customer; kept unchanged
 * (append-only). The integrator's inspection record PDF is rendered from it: the product and customer it is about,
 * the items checked with their results, the problems found, and the customer's confirmation.
 *
 * @param customerSignature base64 PNG of the customer's signature (confirmation SIGNATURE), else null
 * @param confirmationCode  the code the customer confirmed with (confirmation CODE), else null
 * @param signedBy          who signed for the customer
 */
public record InspectionRecord(UUID id, UUID maintenanceOrderId, UUID planId, UUID customerId,
                               UUID installedProductId, String productModel, String serialNumber, String region,
                               ScheduleKind kind, InspectionMode mode, String name, LocalDate dueDate,
                               LocalDate performedOn, String technicianId, List<ItemResult> items,
                               List<Problem> problems, ConfirmationMethod confirmation, String customerSignature,
                               String confirmationCode, String signedBy, Instant recordedAt) {

    public enum Result {
        OK, PROBLEM
    }

    public enum Severity {
        LOW, MEDIUM, HIGH
    }

    public enum ConfirmationMethod {
        SIGNATURE, CODE
    }

    public record ItemResult(String name, Result result, String note) {
    }

    /** @param problemId this problem's id: intake opens one ticket per problem (idempotent on it) */
    public record Problem(UUID problemId, String description, Severity severity) {
    }

    /** Signer and signature are personal data: never logged (SEC-04). */
    @Override
    public String toString() {
        return "InspectionRecord[id=" + id + ", maintenanceOrderId=" + maintenanceOrderId + ", planId=" + planId
                + ", performedOn=" + performedOn + ", problems=" + problems.size() + "]";
    }
}
