package com.opensvc.aftersales.parts.catalogue;

import java.util.ArrayList;
import java.util.List;

import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.InvalidFieldException.FieldError;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/parts/locations}: the central warehouse, a service-point store or a technician's holding.
 *
 * @param code         CENTRAL and STORE: {@value NewPart#CODE}, not starting with a reserved prefix
 *                     ({@code TECH-}, {@code TRANSIT-}, {@code QUARANTINE-}); TECHNICIAN: {@code TECH-<technicianId>}
 * @param technicianId the technician's login; required for TECHNICIAN, absent otherwise
 */
public record NewLocation(@NotBlank @Size(max = 106) String code,
                          @NotNull LocationKind kind,
                          @NotBlank @Size(max = 200) String name,
                          @Size(max = 100) @Pattern(regexp = NewLocation.LOGIN, message = "must be a login (letters, digits, . _ @ -)") String technicianId) {

    static final String LOGIN = "[A-Za-z0-9._@-]+";
    static final String TECHNICIAN_PREFIX = "TECH-";
    static final List<String> RESERVED_PREFIXES = List.of(TECHNICIAN_PREFIX, "TRANSIT-", "QUARANTINE-");

    /**
     * The rules between the fields, each broken one named (checked by the controller after bean validation, so the
     * web slice sees them too).
     */
    NewLocation checked() {
        List<FieldError> errors = new ArrayList<>();
        if (kind != null && !kind.createdThroughTheApi()) {
            errors.add(new FieldError("kind", kind + " locations are created by the service on first use; create "
                    + "CENTRAL, STORE or TECHNICIAN"));
        } else if (kind == LocationKind.TECHNICIAN) {
            if (technicianId == null || technicianId.isBlank()) {
                errors.add(new FieldError("technicianId", "is required for a TECHNICIAN location"));
            } else if (!code.equals(TECHNICIAN_PREFIX + technicianId)) {
                errors.add(new FieldError("code", "must be TECH-" + technicianId + " for the holding of " + technicianId));
            }
        } else if (kind != null) {
            if (technicianId != null) {
                errors.add(new FieldError("technicianId", "must be absent unless kind is TECHNICIAN"));
            }
            if (!code.matches(NewPart.CODE)) {
                errors.add(new FieldError("code", NewPart.CODE_MESSAGE));
            } else if (RESERVED_PREFIXES.stream().anyMatch(code::startsWith)) {
                errors.add(new FieldError("code", "must not start with " + String.join(", ", RESERVED_PREFIXES)
                        + " (reserved for holdings, transit and quarantine)"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        return this;
    }
}
