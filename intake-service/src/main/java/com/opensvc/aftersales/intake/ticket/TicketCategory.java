package com.opensvc.aftersales.intake.ticket;

/** INT-04 categories; {@link TicketKind} says which belong to which kind. */
public enum TicketCategory {
    PRODUCT_QUALITY, SERVICE_ATTITUDE, DELIVERY_DELAY, WRONG_SHIPMENT, SHORT_QUANTITY, PACKAGING_DAMAGE, LATE_SAMPLE,
    DOCUMENTATION, BILLING,
    INSTALLATION, REPAIR, MAINTENANCE,
    USAGE,
    DEFECT_CAMPAIGN
}
