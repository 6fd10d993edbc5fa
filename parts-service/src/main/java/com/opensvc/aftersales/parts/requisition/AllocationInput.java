package com.opensvc.aftersales.parts.requisition;

import java.util.List;

import com.opensvc.aftersales.parts.requisition.RequisitionInput.Line;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The central warehouse's allocation against a replenishment requisition.
 *
 * @param packingList the packing list the stock travels under (the store receives by it)
 * @param from        the central warehouse (optional: {@code aftersales.parts.requisition.central-warehouse})
 * @param lines       each part once, a positive whole quantity, at most what the requisition still needs
 */
public record AllocationInput(@NotBlank @Size(max = 200) @Pattern(regexp = RequisitionInput.NO_CONTROL) String packingList,
                              @Size(max = 100) @Pattern(regexp = RequisitionInput.NO_CONTROL) String from,
                              @NotNull @Size(min = 1, max = 200) List<@NotNull @Valid Line> lines) {
}
