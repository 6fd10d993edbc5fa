package com.opensvc.aftersales.intake.duty;

/**
 * INT-22: the main and backup person of a step. While the main one is absent, new work and reminders go to the
 * backup, so no step waits for someone on leave.
 */
public record Handlers(String main, String backup) {
    public static final Handlers NONE = new Handlers(null, null);

    /** Who gets the work now; null when nobody is assigned (anyone with the step's role may take it). */
    public String current(boolean mainAbsent) {
        if (main == null) {
            return backup;
        }
        return mainAbsent && backup != null ? backup : main;
    }

    public boolean includes(String person) {
        return person != null && (person.equals(main) || person.equals(backup));
    }

    public boolean assigned() {
        return main != null || backup != null;
    }
}
