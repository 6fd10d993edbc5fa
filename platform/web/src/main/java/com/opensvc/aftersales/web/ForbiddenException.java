package com.opensvc.aftersales.web;

/** The caller has the role but not the right to this record (e.g. SEC-02: not the assigned technician). */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
