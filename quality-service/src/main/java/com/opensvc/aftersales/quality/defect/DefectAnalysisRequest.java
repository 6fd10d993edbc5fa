package com.opensvc.aftersales.quality.defect;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * QLT-02: the analysis of a returned product or part: what the test found, the conclusion, and the cause and
 * responsibility it establishes (the failure mode too, when the test shows it was recorded wrongly).
 */
public record DefectAnalysisRequest(@NotBlank @Size(max = 4000) String testResult,
                                    @NotBlank @Size(max = 4000) String conclusion,
                                    @NotBlank @Size(max = 200) String cause,
                                    @NotNull ResponsibleDepartment responsibleDepartment,
                                    @Size(max = 200) String responsibleProcess,
                                    @Size(max = 100) String causingPartNumber,
                                    @Size(max = 200) String failureMode) {
}
