package com.opensvc.aftersales.quality.campaign;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * QLT-08: a defect campaign for a model and a serial and/or factory-date range. Launched by quality (publishing
 * {@code DefectCampaignLaunched}), its outreach opened when intake reports the tickets (INT-17), closed by quality.
 * It is overdue while no outreach was reported by {@code outreachDueBy} (launch + contact window).
 */
public record Campaign(UUID id, String number, String productModel, String serialFrom, String serialTo,
                       LocalDate factoryDateFrom, LocalDate factoryDateTo, String description, String actionToTake,
                       int contactWithinHours, UUID improvementReportId, CampaignState state, String launchedBy,
                       Instant launchedAt, Instant outreachDueBy, Integer ticketCount, Instant outreachOpenedAt,
                       Instant contactDueAt, String closedBy, Instant closedAt, String summary, int version) {

    /** A new campaign from a {@linkplain LaunchCampaignRequest#normalised() normalised} request. */
    static CampaignChange launch(UUID id, String number, LaunchCampaignRequest request, int contactWithinHours,
                                 String actor, Instant now) {
        Campaign launched = builder().id(id).number(number).productModel(request.productModel())
                .serialFrom(request.serialFrom()).serialTo(request.serialTo())
                .factoryDateFrom(request.factoryDateFrom()).factoryDateTo(request.factoryDateTo())
                .description(request.description()).actionToTake(request.actionToTake())
                .contactWithinHours(contactWithinHours).improvementReportId(request.improvementReportId())
                .state(CampaignState.LAUNCHED).launchedBy(actor).launchedAt(now)
                .outreachDueBy(now.plus(Duration.ofHours(contactWithinHours))).version(1).build();
        return new CampaignChange(launched, true, List.of(new CampaignEvent.DefectCampaignLaunched(id, number,
                launched.productModel, launched.serialFrom, launched.serialTo, launched.factoryDateFrom,
                launched.factoryDateTo, launched.description, launched.actionToTake, contactWithinHours,
                launched.improvementReportId, actor, now)));
    }

    /** INT-17: intake opened the outreach tickets ({@code openedAt} is when it said so). */
    CampaignChange outreachOpened(int tickets, Instant contactDue, Instant openedAt) {
        CampaignState next = state.requireTransitionTo(CampaignState.OUTREACH_OPENED, "record the outreach");
        return new CampaignChange(toBuilder().state(next).ticketCount(tickets).contactDueAt(contactDue)
                .outreachOpenedAt(openedAt).version(version + 1).build(), false, List.of());
    }

    /** Quality closes a campaign whose outreach is open, with what it achieved. */
    CampaignChange close(String closingSummary, String actor, Instant now) {
        CampaignState next = state.requireTransitionTo(CampaignState.CLOSED, "close");
        return new CampaignChange(toBuilder().state(next).summary(closingSummary.strip()).closedBy(actor).closedAt(now)
                .version(version + 1).build(), false, List.of());
    }

    /** No outreach reported although the contact window has passed. */
    public boolean overdueAt(Instant now) {
        return state == CampaignState.LAUNCHED && now.isAfter(outreachDueBy);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().id(id).number(number).productModel(productModel).serialFrom(serialFrom).serialTo(serialTo)
                .factoryDateFrom(factoryDateFrom).factoryDateTo(factoryDateTo).description(description)
                .actionToTake(actionToTake).contactWithinHours(contactWithinHours)
                .improvementReportId(improvementReportId).state(state).launchedBy(launchedBy).launchedAt(launchedAt)
                .outreachDueBy(outreachDueBy).ticketCount(ticketCount).outreachOpenedAt(outreachOpenedAt)
                .contactDueAt(contactDueAt).closedBy(closedBy).closedAt(closedAt).summary(summary).version(version);
    }

    /** Builds a campaign by name (the row mapper, and each transition's next state). */
    public static final class Builder {
        private UUID id;
        private String number;
        private String productModel;
        private String serialFrom;
        private String serialTo;
        private LocalDate factoryDateFrom;
        private LocalDate factoryDateTo;
        private String description;
        private String actionToTake;
        private int contactWithinHours;
        private UUID improvementReportId;
        private CampaignState state;
        private String launchedBy;
        private Instant launchedAt;
        private Instant outreachDueBy;
        private Integer ticketCount;
        private Instant outreachOpenedAt;
        private Instant contactDueAt;
        private String closedBy;
        private Instant closedAt;
        private String summary;
        private int version;

        private Builder() {
        }

        public Builder id(UUID value) { id = value; return this; }
        public Builder number(String value) { number = value; return this; }
        public Builder productModel(String value) { productModel = value; return this; }
        public Builder serialFrom(String value) { serialFrom = value; return this; }
        public Builder serialTo(String value) { serialTo = value; return this; }
        public Builder factoryDateFrom(LocalDate value) { factoryDateFrom = value; return this; }
        public Builder factoryDateTo(LocalDate value) { factoryDateTo = value; return this; }
        public Builder description(String value) { description = value; return this; }
        public Builder actionToTake(String value) { actionToTake = value; return this; }
        public Builder contactWithinHours(int value) { contactWithinHours = value; return this; }
        public Builder improvementReportId(UUID value) { improvementReportId = value; return this; }
        public Builder state(CampaignState value) { state = value; return this; }
        public Builder launchedBy(String value) { launchedBy = value; return this; }
        public Builder launchedAt(Instant value) { launchedAt = value; return this; }
        public Builder outreachDueBy(Instant value) { outreachDueBy = value; return this; }
        public Builder ticketCount(Integer value) { ticketCount = value; return this; }
        public Builder outreachOpenedAt(Instant value) { outreachOpenedAt = value; return this; }
        public Builder contactDueAt(Instant value) { contactDueAt = value; return this; }
        public Builder closedBy(String value) { closedBy = value; return this; }
        public Builder closedAt(Instant value) { closedAt = value; return this; }
        public Builder summary(String value) { summary = value; return this; }
        public Builder version(int value) { version = value; return this; }

        public Campaign build() {
            return new Campaign(id, number, productModel, serialFrom, serialTo, factoryDateFrom, factoryDateTo,
                    description, actionToTake, contactWithinHours, improvementReportId, state, launchedBy, launchedAt,
                    outreachDueBy, ticketCount, outreachOpenedAt, contactDueAt, closedBy, closedAt, summary, version);
        }
    }
}
