package com.opensvc.aftersales.web;

/** A transition the state machine does not allow: answered 409 with the current state (INT-13). */
public class StateConflictException extends RuntimeException {
    private final String currentState;

    public StateConflictException(String resource, String currentState, String attempted) {
        super(resource + " is " + currentState + "; cannot " + attempted);
        this.currentState = currentState;
    }

    public String currentState() {
        return currentState;
    }
}
