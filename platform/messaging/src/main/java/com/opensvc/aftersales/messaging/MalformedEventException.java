package com.opensvc.aftersales.messaging;

/** An event that no retry can fix: it goes straight to the dead-letter topic (EVT-05). */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message) {
        super(message);
    }
}
