package com.opensvc.aftersales.quality.newproduct;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** QLT-07: the request bodies of the new-product endpoints. */
public final class NewProductRequests {
    private NewProductRequests() {
    }

    /** PUT /api/quality/product-models/{model}/launch. */
    public record LaunchRequest(@NotNull LocalDate launchedOn) {
    }

    /** After-sales' written survey of a new product and how many customers it asked. */
    public record FindingsRequest(@NotBlank @Size(max = 8000) String findings,
                                  @NotNull @Min(1) @Max(1_000_000) Integer customersSurveyed) {
    }
}
