package com.opensvc.aftersales.parts.catalogue;

/**
 * Where stock can be (DOMAIN.md §5): the one central warehouse, the service-point stores and each technician's
 * holding are created through the API; a store's in-transit and quarantine locations are internal, created on first
 * use ({@link Locations#transitTo}, {@link Locations#quarantineOf}).
 */
public enum LocationKind {
    CENTRAL,
    STORE,
    TECHNICIAN,
    /** Stock allocated or transferred to a store and not yet received there: {@code TRANSIT-<store>}. */
    TRANSIT,
    /** Parts returned unused to a store, awaiting inspection (PRT-03): {@code QUARANTINE-<store>}. */
    QUARANTINE;

    /** CENTRAL, STORE and TECHNICIAN are created through the API; TRANSIT and QUARANTINE only by the service. */
    public boolean createdThroughTheApi() {
        return this == CENTRAL || this == STORE || this == TECHNICIAN;
    }

    /** A store or the central warehouse: where stock is received and kept on the shelf. */
    public boolean shelf() {
        return this == CENTRAL || this == STORE;
    }
}
