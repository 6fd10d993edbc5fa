package com.opensvc.aftersales.parts.catalogue;

import java.time.Instant;

/**
 * A stock location as the API and the other features see it.
 *
 * @param technicianId the technician whose holding this is (TECHNICIAN only)
 * @param store        the store a TRANSIT or QUARANTINE location belongs to (null otherwise)
 * @param version      the ETag of {@code PUT /api/parts/locations/{code}}
 */
public record Location(String code, LocationKind kind, String name, String technicianId, String store, int version,
                       Instant updatedAt, String updatedBy) {
}
