package com.opensvc.aftersales.intake;

import static java.util.Map.entry;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.testkit.FeatureBoundaries;

class IntakeModularityTest {
    /** Every table of intake's migrations and the feature that writes it (platform tables are the platform's). */
    static final Map<String, String> OWNERS = Map.ofEntries(
            entry("customer", "customer"), entry("customer_contact", "customer"), entry("customer_address", "customer"),
            entry("customer_group", "customer"), entry("customer_group_member", "customer"),
            entry("customer_transfer_audit", "customer"),
            entry("service_contract", "contract"),
            entry("installed_product", "installedbase"), entry("installed_product_history", "installedbase"),
            entry("ticket", "ticket"), entry("ticket_number_counter", "ticket"), entry("ticket_history", "ticket"),
            entry("ticket_link", "ticket"), entry("entitlement_exclusion", "ticket"),
            entry("entitlement_override", "ticket"), entry("ticket_revisit_fact", "ticket"),
            entry("timeline_event", "timeline"),
            entry("knowledge_article", "knowledge"), entry("ticket_remote_resolution", "knowledge"),
            entry("defect_campaign", "outreach"),
            entry("pending_item", "pending"), entry("pending_contact", "pending"),
            entry("labour_rate", "quote"), entry("travel_price", "quote"), entry("part_price", "quote"),
            entry("quote", "quote"),
            entry("promised_reply", "reply"),
            entry("complaint", "complaint"), entry("complaint_assignment", "complaint"),
            entry("complaint_penalty", "complaint"), entry("complaint_form_review", "complaint"),
            entry("complaint_lock", "complaint"), entry("accountability_report", "complaint"),
            entry("duty_roster", "duty"), entry("person_absence", "duty"),
            entry("sla_clock", "sla"), entry("sla_reminder", "sla"), entry("dispatch_sla_breach", "sla"),
            entry("inspection_ticket", "inspection"));

    @Test
    @DisplayName("DESIGN.md §3 features meet through public services and events: no cycles, no foreign repositories or tables")
    void featureBoundaries() {
        FeatureBoundaries.verify(IntakeApplication.class, OWNERS);
    }
}
