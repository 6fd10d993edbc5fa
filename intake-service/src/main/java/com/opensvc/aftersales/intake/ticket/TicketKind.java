package com.opensvc.aftersales.intake.ticket;

import java.util.EnumSet;
import java.util.Set;

/** INT-04: what the ticket is, and the categories each kind allows. */
public enum TicketKind {
    COMPLAINT(EnumSet.of(TicketCategory.PRODUCT_QUALITY, TicketCategory.SERVICE_ATTITUDE, TicketCategory.DELIVERY_DELAY,
            TicketCategory.WRONG_SHIPMENT, TicketCategory.SHORT_QUANTITY, TicketCategory.PACKAGING_DAMAGE,
            TicketCategory.LATE_SAMPLE, TicketCategory.DOCUMENTATION, TicketCategory.BILLING), null),
    SERVICE_REQUEST(EnumSet.of(TicketCategory.INSTALLATION, TicketCategory.REPAIR, TicketCategory.MAINTENANCE),
            TicketCategory.REPAIR),
    /** A usage question, resolved remotely. */
    INQUIRY(EnumSet.of(TicketCategory.USAGE), TicketCategory.USAGE),
    /** Proactive contact for a defect campaign (INT-17). */
    OUTREACH(EnumSet.of(TicketCategory.DEFECT_CAMPAIGN), TicketCategory.DEFECT_CAMPAIGN);

    private final Set<TicketCategory> categories;
    private final TicketCategory defaultCategory;

    TicketKind(Set<TicketCategory> categories, TicketCategory defaultCategory) {
        this.categories = categories;
        this.defaultCategory = defaultCategory;
    }

    public boolean allows(TicketCategory category) {
        return categories.contains(category);
    }

    public Set<TicketCategory> categories() {
        return categories;
    }

    /** The category when the desk gives none; null when the kind needs one (a complaint must say what about). */
    public TicketCategory defaultCategory() {
        return defaultCategory;
    }
}
