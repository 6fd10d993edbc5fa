package com.opensvc.aftersales.dispatch.technician;

import java.util.List;

/**
 * What the supervisor says about a technician (POST creates with all of it, PUT replaces all of it, PATCH changes
 * what is given). {@code regions} holds regions or service points; {@code defaultBackup} is another technician's
 * login (INT-22), never the technician's own.
 */
public record TechnicianInput(String name, List<String> productLines, List<String> regions, Integer dailyCapacity,
                              WorkingStatus workingStatus, String homeStore, String defaultBackup) {
}
