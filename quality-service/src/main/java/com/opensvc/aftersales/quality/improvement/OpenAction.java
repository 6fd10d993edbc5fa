package com.opensvc.aftersales.quality.improvement;

import java.time.LocalDate;
import java.util.UUID;

/**
 * QLT-05: an action of the current round of a report in ACTIONS_ASSIGNED that is not yet recorded done.
 *
 * @param daysOverdue whole days between the due date and today in the company zone; 0 while not yet overdue
 * @param overdue     the due date is before today
 */
public record OpenAction(UUID reportId, String productModel, int round, ActionKind kind, int position,
                         String description, String owner, LocalDate dueDate, long daysOverdue, boolean overdue) {
}
