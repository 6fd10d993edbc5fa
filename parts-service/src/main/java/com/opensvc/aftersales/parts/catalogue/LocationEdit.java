package com.opensvc.aftersales.parts.catalogue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code PUT /api/parts/locations/{code}}: only the name changes (code and kind are the location's identity). */
public record LocationEdit(@NotBlank @Size(max = 200) String name) {
}
