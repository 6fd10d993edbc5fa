package com.opensvc.aftersales.intake.complaint;

import java.util.Collection;

import com.opensvc.aftersales.web.ForbiddenException;
import com.opensvc.aftersales.web.InvalidFieldException;

/** INT-12: a person named as the subject of a complaint is never its handler, reviewer, approver or revisit agent. */
public final class ConflictOfInterest {
    private ConflictOfInterest() {
    }

    public static boolean conflicted(Collection<String> subjects, String person) {
        return person != null && subjects.stream().anyMatch(s -> s.equalsIgnoreCase(person.trim()));
    }

    /** An actor who is a subject may not act on the complaint. */
    public static void requireNotSubject(Collection<String> subjects, String actor) {
        if (conflicted(subjects, actor)) {
            throw new ForbiddenException(actor + " is named in this complaint and cannot handle, review or approve it (INT-12)");
        }
    }

    /** An assignment (main or backup) may not name a subject. */
    public static void requireAssignable(Collection<String> subjects, String field, String person) {
        if (conflicted(subjects, person)) {
            throw new InvalidFieldException(field, person + " is named in this complaint and cannot be assigned to it (INT-12)");
        }
    }
}
