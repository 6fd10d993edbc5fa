package com.opensvc.aftersales.intake.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("INT-23 urgency routing and INT-04 kinds")
class ClassificationTest {
    @Test
    @DisplayName("INT-23 a safety incident or emergency is URGENT and goes to the supervisor")
    void INT23_safetyIsUrgentToSupervisor() {
        for (Classification urgent : new Classification[]{Classification.SAFETY_INCIDENT, Classification.EMERGENCY}) {
            assertThat(urgent.priority(Priority.NORMAL)).isEqualTo(Priority.URGENT);
            assertThat(urgent.routeFor(urgent.priority(null))).isEqualTo(Classification.Route.SUPERVISOR);
        }
        assertThat(Classification.TECHNICAL_QUESTION.routeFor(Priority.NORMAL)).isEqualTo(Classification.Route.ENGINEERING);
        assertThat(Classification.SALES_MATTER.routeFor(Priority.NORMAL)).isEqualTo(Classification.Route.SALES);
        assertThat(Classification.AFTER_SALES.routeFor(Priority.NORMAL)).isEqualTo(Classification.Route.AFTER_SALES);
        assertThat(Classification.AFTER_SALES.routeFor(Priority.URGENT)).as("the desk marked it urgent")
                .isEqualTo(Classification.Route.SUPERVISOR);
    }

    @Test
    @DisplayName("INT-04 each kind allows its own categories; a complaint needs one")
    void INT04_kindsAndCategories() {
        assertThat(TicketKind.COMPLAINT.allows(TicketCategory.BILLING)).isTrue();
        assertThat(TicketKind.COMPLAINT.allows(TicketCategory.REPAIR)).isFalse();
        assertThat(TicketKind.COMPLAINT.defaultCategory()).isNull();
        assertThat(TicketKind.SERVICE_REQUEST.categories()).containsExactlyInAnyOrder(TicketCategory.INSTALLATION,
                TicketCategory.REPAIR, TicketCategory.MAINTENANCE);
        assertThat(TicketKind.SERVICE_REQUEST.defaultCategory()).isEqualTo(TicketCategory.REPAIR);
        assertThat(TicketKind.INQUIRY.defaultCategory()).isEqualTo(TicketCategory.USAGE);
    }
}
