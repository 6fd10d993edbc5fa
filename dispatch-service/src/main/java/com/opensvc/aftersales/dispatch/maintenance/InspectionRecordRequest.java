package com.opensvc.aftersales.dispatch.maintenance;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * DSP-09: what the technician records for a maintenance order, signed by the customer: either
 * {@code customerSignature} (a base64 PNG) or {@code confirmationCode}. {@code performedOn} is the day the work was
 * done (default today; not in the future): the plan's next due date is counted from it.
 */
public record InspectionRecordRequest(
        @NotNull @Size(max = 100) List<@Valid ItemResultInput> items,
        @Size(max = 50) List<@Valid ProblemInput> problems,
        @Size(max = 400_000) String customerSignature,
        @Size(max = 100) String confirmationCode,
        @NotBlank @Size(max = 200) String signedBy,
        LocalDate performedOn) {

    public record ItemResultInput(@NotBlank @Size(max = 200) String name, @NotNull InspectionRecord.Result result,
                                  @Size(max = 2000) String note) {
    }

    public record ProblemInput(@NotBlank @Size(max = 4000) String description,
                               @NotNull InspectionRecord.Severity severity) {
    }

    List<ProblemInput> problemsOrEmpty() {
        return problems == null ? List.of() : problems;
    }

    /** The signer's name and signature are personal data: never logged (SEC-04). */
    @Override
    public String toString() {
        return "InspectionRecordRequest[items=" + (items == null ? 0 : items.size()) + ", problems=" + problemsOrEmpty().size()
                + ", performedOn=" + performedOn + "]";
    }
}
