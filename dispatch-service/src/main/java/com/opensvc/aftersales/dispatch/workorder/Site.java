package com.opensvc.aftersales.dispatch.workorder;

/**
 * Who the technician meets and where (from TicketAccepted), printed on the service dispatch slip (RPT-02). No phone:
 * phones never leave intake on an event. Personal data: never logged (SEC-04), hence nothing in {@link #toString()}.
 */
public record Site(String customerName, String contactName, String address) {
    @Override
    public String toString() {
        return "Site[***]";
    }
}
