package com.opensvc.aftersales.intake.ticket;

/**
 * INT-23: how the desk classifies what it receives, and where that sends it. A safety incident or emergency is
 * URGENT and goes to the after-sales supervisor at once; a technical question goes to engineering as a
 * technical-support request; a sales matter is forwarded to sales.
 */
public enum Classification {
    AFTER_SALES(Route.AFTER_SALES, false),
    SAFETY_INCIDENT(Route.SUPERVISOR, true),
    EMERGENCY(Route.SUPERVISOR, true),
    TECHNICAL_QUESTION(Route.ENGINEERING, false),
    SALES_MATTER(Route.SALES, false);

    private final Route route;
    private final boolean urgent;

    Classification(Route route, boolean urgent) {
        this.route = route;
        this.urgent = urgent;
    }

    public boolean urgent() {
        return urgent;
    }

    /** An urgent priority set by the desk goes to the supervisor whatever the classification. */
    public Route routeFor(Priority priority) {
        return priority == Priority.URGENT && route == Route.AFTER_SALES ? Route.SUPERVISOR : route;
    }

    public Priority priority(Priority requested) {
        return urgent ? Priority.URGENT : requested == null ? Priority.NORMAL : requested;
    }

    public enum Route {
        AFTER_SALES, SUPERVISOR, ENGINEERING, SALES
    }
}
