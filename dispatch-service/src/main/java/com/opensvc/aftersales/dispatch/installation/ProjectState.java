package com.opensvc.aftersales.dispatch.installation;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.opensvc.aftersales.web.StateConflictException;

/** DSP-11: an installation project's states and the one table of legal transitions (409 naming the current state). */
public enum ProjectState {
    /** Notified by sales; the entry review checklist is worked through before the team goes on site. */
    PLANNED,
    /** The entry review passed (every item OK) and the team is on site; problems met are recorded here. */
    IN_PROGRESS,
    /** Installed; every problem met was closed or handed to quality. */
    COMPLETED;

    private static final Map<ProjectState, Set<ProjectState>> LEGAL = Map.of(
            PLANNED, EnumSet.of(IN_PROGRESS),
            IN_PROGRESS, EnumSet.of(COMPLETED),
            COMPLETED, EnumSet.noneOf(ProjectState.class));

    public ProjectState requireTransitionTo(ProjectState target) {
        if (!LEGAL.get(this).contains(target)) {
            throw conflict("become " + target);
        }
        return target;
    }

    void require(ProjectState expected, String attempted) {
        if (this != expected) {
            throw conflict(attempted);
        }
    }

    StateConflictException conflict(String attempted) {
        return new StateConflictException("installation project", name(), attempted);
    }
}
