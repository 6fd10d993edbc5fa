package com.opensvc.aftersales.quality.claim;

import java.util.UUID;

/** What a claim is about: the defect record's facts and the part the analysis found caused it. */
record ClaimedFailure(UUID defectId, UUID ticketId, String productModel, String serialNumber, String productionBatch,
                      String partNumber, String failureMode, String cause) {
}
