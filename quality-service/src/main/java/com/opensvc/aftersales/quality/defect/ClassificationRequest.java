package com.opensvc.aftersales.quality.defect;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * QLT-01: quality classifies or corrects a defect record. The optional fields left out (or blank) are cleared,
 * except the batch and factory date, which keep what the installed base gave when left out.
 */
public record ClassificationRequest(@NotBlank @Size(max = 200) String failureMode,
                                    @NotBlank @Size(max = 200) String cause,
                                    @NotNull ResponsibleDepartment responsibleDepartment,
                                    @Size(max = 200) String responsibleProcess,
                                    @Size(max = 100) String causingPartNumber,
                                    @Size(max = 100) String productionBatch,
                                    LocalDate factoryDate,
                                    @Size(max = 2000) String note) {
}
