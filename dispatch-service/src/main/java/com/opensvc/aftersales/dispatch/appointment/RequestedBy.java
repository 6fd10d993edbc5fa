package com.opensvc.aftersales.dispatch.appointment;

/** DSP-04: who asked for an appointment window (the first booking: whoever booked it). */
public enum RequestedBy {
    CUSTOMER, TECHNICIAN, SUPERVISOR
}
