package com.opensvc.aftersales.intake.knowledge;

import com.opensvc.aftersales.web.StateConflictException;

/**
 * DRAFT articles are written or captured from a resolved ticket; PUBLISHED ones are what the desk searches;
 * RETIRED ones stay for the record (SEC-05: no hard delete) and can be published again.
 */
public enum ArticleStatus {
    DRAFT, PUBLISHED, RETIRED;

    public boolean canBecome(ArticleStatus target) {
        return switch (this) {
            case DRAFT -> target == PUBLISHED || target == RETIRED;
            case PUBLISHED -> target == RETIRED;
            case RETIRED -> target == PUBLISHED;
        };
    }

    public void requireTransitionTo(ArticleStatus target) {
        if (!canBecome(target)) {
            throw new StateConflictException("article", name(), "become " + target);
        }
    }

    /** Retired articles are kept as they were; edit a published or draft one. */
    public void requireEditable() {
        if (this == RETIRED) {
            throw new StateConflictException("article", name(), "be edited");
        }
    }
}
