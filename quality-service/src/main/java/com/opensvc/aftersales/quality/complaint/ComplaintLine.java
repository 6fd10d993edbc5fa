package com.opensvc.aftersales.quality.complaint;

import java.time.Instant;
import java.util.UUID;

/**
 * One complaint as the statistics and summaries see it (QLT-04): what intake and revisit published about it, with the
 * region and customer of quality's ticket facts (known once the ticket was accepted). Null where no event said it yet.
 */
public record ComplaintLine(UUID ticketId, String ticketNumber, Instant registeredAt, String category, String channel,
                            String productModel, String region, UUID customerId, String customerClass,
                            String contentGroup, String handling, Satisfaction satisfaction,
                            String responsibleDepartment, String remedy, Integer escalationLevel, Boolean major,
                            Boolean penalised, Instant finishedAt, Instant closedAt) {
    static final String UNKNOWN = "UNKNOWN";
    static final String UNFINISHED = "UNFINISHED";
    static final String NOT_REVISITED = "NOT_REVISITED";
    static final String UNASSIGNED = "UNASSIGNED";

    String classKey() {
        return customerClass == null ? UNKNOWN : customerClass;
    }

    String contentKey() {
        return contentGroup == null ? UNFINISHED : contentGroup;
    }

    String handlingKey() {
        return handling == null ? UNFINISHED : handling;
    }

    String satisfactionKey() {
        return satisfaction == null ? NOT_REVISITED : satisfaction.name();
    }

    String departmentKey() {
        return responsibleDepartment == null ? UNASSIGNED : responsibleDepartment;
    }

    String customerKey() {
        return customerId == null ? UNKNOWN : customerId.toString();
    }

    String regionKey() {
        return region == null ? UNKNOWN : region;
    }

    String categoryKey() {
        return category == null ? UNKNOWN : category;
    }

    boolean isMajor() {
        return Boolean.TRUE.equals(major);
    }

    boolean isPenalised() {
        return Boolean.TRUE.equals(penalised);
    }

    boolean finished() {
        return finishedAt != null;
    }

    boolean escalated() {
        return escalationLevel != null && escalationLevel > 0;
    }

    boolean dissatisfied() {
        return satisfaction == Satisfaction.DISSATISFIED;
    }
}
