package com.opensvc.aftersales.intake.inspection;

import static com.opensvc.aftersales.data.Timestamps.utc;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.intake.installedbase.InstalledProduct;
import com.opensvc.aftersales.intake.installedbase.InstalledProductService;
import com.opensvc.aftersales.intake.ticket.Channel;
import com.opensvc.aftersales.intake.ticket.RegisterTicketRequest;
import com.opensvc.aftersales.intake.ticket.ServiceType;
import com.opensvc.aftersales.intake.ticket.TicketKind;
import com.opensvc.aftersales.intake.ticket.TicketService;

import lombok.RequiredArgsConstructor;

/**
 * DSP-09: opens the ticket for a problem found on inspection, through the ticket feature's own registration (INT-02)
 * as a system actor: a service request, on site, channel INSPECTION, for the event's customer and installed product,
 * the fault described by the problem. One ticket per problem (EVT-04): the problem id is the registration's
 * idempotency key and the primary key of {@code inspection_ticket}.
 */
@Service
@RequiredArgsConstructor
public class InspectionTickets {
    static final String ACTOR = "system:inspection";
    private static final Logger log = LoggerFactory.getLogger(InspectionTickets.class);

    private final TicketService tickets;
    private final InstalledProductService installedBase;
    private final JdbcClient jdbc;
    private final Clock clock;

    /** @return the ticket opened for the problem (the one opened before, when it arrives again) */
    @Transactional
    public UUID open(InspectionProblemFound found) {
        Optional<UUID> earlier = ticketOf(found.problemId());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        // the installed base's record decides model and serial (INT-07 refuses a mismatch); an installed product intake
        // does not know is named by its serial and added to the customer's installed base (INT-24)
        InstalledProduct product = found.installedProductId() == null ? null
                : installedBase.find(found.installedProductId()).orElse(null);
        RegisterTicketRequest request = new RegisterTicketRequest(
                new RegisterTicketRequest.CustomerRef(found.customerId(), null, null, null, null),
                product == null ? null : product.id(),
                product == null ? found.productModel() : product.productModel(), null,
                product == null ? found.serialNumber() : null, null, null, null, null,
                faultDescription(found), Channel.INSPECTION, TicketKind.SERVICE_REQUEST, null, null,
                ServiceType.ON_SITE, null, null, null, null, null, null);
        TicketService.Registration registration = tickets.register(request, "inspection-problem:" + found.problemId(),
                ACTOR);
        UUID ticketId = registration.ticket().id();
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO inspection_ticket (problem_id, inspection_id, plan_id, maintenance_order_id, ticket_id,
                    opened_at)
                VALUES (:problem, :inspection, :plan, :order, :ticket, :at)
                ON CONFLICT (problem_id) DO NOTHING
                """).param("problem", found.problemId()).param("inspection", found.inspectionId())
                .param("plan", found.planId()).param("order", found.maintenanceOrderId()).param("ticket", ticketId)
                .param("at", utc(now)).update();
        if (registration.created()) {
            tickets.note(ticketId, "INSPECTION_PROBLEM", ACTOR, now, "found on inspection " + found.inspectionId()
                    + " of maintenance plan " + found.planId() + " by " + found.technicianId());
            log.info("Ticket {} opened for problem {} of inspection {}", ticketId, found.problemId(),
                    found.inspectionId());
        }
        return ticketId;
    }

    /** The ticket opened for an inspection problem, if any. */
    public Optional<UUID> ticketOf(UUID problemId) {
        return jdbc.sql("SELECT ticket_id FROM inspection_ticket WHERE problem_id = :problem")
                .param("problem", problemId).query(UUID.class).optional();
    }

    private static String faultDescription(InspectionProblemFound found) {
        String severity = found.problem().severity() == null ? "" : " (" + found.problem().severity() + ")";
        String text = "Found on inspection" + severity + ": " + found.problem().description().trim();
        return text.length() > 4000 ? text.substring(0, 4000) : text;
    }
}
