package com.opensvc.aftersales.quality.campaign;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.opensvc.aftersales.web.InvalidFieldException;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * QLT-08: a campaign for a model and a serial range and/or a factory-date range (a production batch is given as its
 * dates); every bound is inclusive and either end of a range may be open, but at least one bound is given. Serials
 * compare byte-wise lexicographically, as intake compares them (INT-17).
 *
 * @param contactWithinHours every affected customer is to be contacted within this many hours (1–720; absent: the
 *                           configured default, 24 = INT-17)
 * @param improvementReportId the improvement report that found the defect (optional; must exist)
 */
public record LaunchCampaignRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = Text.LINE, message = Text.MESSAGE) String productModel,
        @Size(max = 100) @Pattern(regexp = Text.LINE, message = Text.MESSAGE) String serialFrom,
        @Size(max = 100) @Pattern(regexp = Text.LINE, message = Text.MESSAGE) String serialTo,
        LocalDate factoryDateFrom,
        LocalDate factoryDateTo,
        @NotBlank @Size(max = 4000) @Pattern(regexp = Text.LINES, message = Text.MESSAGE) String description,
        @Size(max = 4000) @Pattern(regexp = Text.LINES, message = Text.MESSAGE) String actionToTake,
        @Min(1) @Max(720) Integer contactWithinHours,
        UUID improvementReportId) {

    /**
     * The request with text stripped and blank optional text absent, its ranges checked the way intake reads the
     * event (a launch intake would dead-letter is refused here instead).
     *
     * @throws InvalidFieldException naming the field when no range is given or a range is inverted
     */
    public LaunchCampaignRequest normalised() {
        LaunchCampaignRequest r = new LaunchCampaignRequest(productModel.strip(), blankToNull(serialFrom),
                blankToNull(serialTo), factoryDateFrom, factoryDateTo, description.strip(), blankToNull(actionToTake),
                contactWithinHours, improvementReportId);
        List<InvalidFieldException.FieldError> errors = new ArrayList<>();
        if (r.serialFrom == null && r.serialTo == null && r.factoryDateFrom == null && r.factoryDateTo == null) {
            errors.add(new InvalidFieldException.FieldError("serialFrom",
                    "a serial range (serialFrom, serialTo) or a factory-date range (factoryDateFrom, factoryDateTo) must be given"));
        }
        if (r.serialFrom != null && r.serialTo != null && r.serialFrom.compareTo(r.serialTo) > 0) {
            errors.add(new InvalidFieldException.FieldError("serialFrom", "must not be after serialTo"));
        }
        if (r.factoryDateFrom != null && r.factoryDateTo != null && r.factoryDateFrom.isAfter(r.factoryDateTo)) {
            errors.add(new InvalidFieldException.FieldError("factoryDateFrom", "must not be after factoryDateTo"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        return r;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
