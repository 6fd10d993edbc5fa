package com.opensvc.aftersales.parts.planning;

import java.util.List;

/**
 * What a look at the stock did to a plan: the plan as it now is, whether its below-minimum flag changed, and the
 * event of a crossing (none otherwise).
 */
record StockPlanChange(StockPlan plan, boolean flagChanged, List<StockBelowMinimum> events) {
}
