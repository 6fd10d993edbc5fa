package com.opensvc.aftersales.quality.defect;

import java.time.LocalDate;

/**
 * What quality classifies on a defect record (QLT-01): kept before and after each change in the record's history.
 *
 * @param responsibleDepartment null until quality classifies the record
 */
public record DefectClassification(String failureMode, String cause, ResponsibleDepartment responsibleDepartment,
                                   String responsibleProcess, String causingPartNumber, String productionBatch,
                                   LocalDate factoryDate) {
}
