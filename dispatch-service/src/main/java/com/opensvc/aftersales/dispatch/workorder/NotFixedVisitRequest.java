package com.opensvc.aftersales.dispatch.workorder;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * DSP-06: what the technician records when the visit did not fix the product: the site situation (required), what they
 * saw and tried, and the question engineering should answer; {@code attachments} are references (file names or links)
 * to photos or logs kept elsewhere.
 */
public record NotFixedVisitRequest(
        @NotBlank @Size(max = 4000) String siteSituation,
        @Size(max = 2000) String symptom,
        @Size(max = 4000) String actionsTried,
        @Min(0) @Max(7 * 24 * 60) int labourMinutes,
        @NotBlank @Size(max = 4000) String question,
        @Size(max = 10) List<@NotBlank @Size(max = 500) String> attachments) {

    public List<String> attachmentsOrEmpty() {
        return attachments == null ? List.of() : attachments;
    }
}
