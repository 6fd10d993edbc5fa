package com.opensvc.aftersales.dispatch.technician;

import java.time.Instant;

/** One line of the append-only {@code technician_history} (SEC-03): who changed what, when. */
public record TechnicianHistoryLine(String login, Instant at, String actor, String action, String detail) {
}
