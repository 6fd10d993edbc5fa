package com.opensvc.aftersales.dispatch.technician;

import java.time.Instant;

/**
 * INT-22, in-process only: a technician's working status became absent (or they retired); their open orders not yet
 * started go to the backup. Published by {@link Technicians} inside the change's transaction.
 */
public record TechnicianWentAbsent(String login, WorkingStatus workingStatus, String defaultBackup, String actor,
                                   Instant at) {
}
