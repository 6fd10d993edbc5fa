package com.opensvc.aftersales.quality.defect;

import java.time.Instant;

/**
 * One change of a defect record (SEC-03): recorded, classified (or corrected) or analysed, by whom, when, and the
 * classification before and after; append-only in the database.
 *
 * @param before null for the line that recorded the defect
 */
public record DefectHistory(Instant at, String actor, String action, DefectState fromState, DefectState toState,
                            DefectClassification before, DefectClassification after, String note) {
}
