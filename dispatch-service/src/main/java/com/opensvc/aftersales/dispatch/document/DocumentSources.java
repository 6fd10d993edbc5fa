package com.opensvc.aftersales.dispatch.document;

import static com.opensvc.aftersales.data.Timestamps.instant;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import com.opensvc.aftersales.dispatch.charge.ChargeSheet;
import com.opensvc.aftersales.dispatch.charge.Charges;

import lombok.RequiredArgsConstructor;

/**
 * What the documents print besides the work order itself: a read model over dispatch's own tables (the technician's
 * name, the visit the technician recorded). It writes nothing.
 */
@Component
@RequiredArgsConstructor
public class DocumentSources {
    private static final TypeReference<List<UsedPart>> PARTS = new TypeReference<>() {
    };
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Charges charges;

    /** A part the technician used (DSP-05). */
    public record UsedPart(String partNumber, int quantity, String newSerial, String oldSerial) {
    }

    /** The visit that fixed the product (DSP-05). */
    public record FixedVisit(String technician, String symptom, String causeCode, String actions,
                             List<UsedPart> partsUsed, int labourMinutes, String customerConfirmation,
                             Instant recordedAt) {
    }

    /** What the order's paid visit charged (DSP-05), if anything. */
    public Optional<ChargeSheet> chargeSheet(UUID workOrderId) {
        return charges.of(workOrderId);
    }

    /** An appointment window confirmed with the customer (DSP-04). */
    public record Window(Instant from, Instant to) {
    }

    /** The technician's current appointment window for the order, if they confirmed one (DSP-04). */
    public Optional<Window> appointment(UUID workOrderId, String technician) {
        if (technician == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT window_start, window_end FROM appointment
                 WHERE work_order_id = :id AND technician = :technician ORDER BY seq DESC LIMIT 1
                """).param("id", workOrderId).param("technician", technician)
                .query((rs, row) -> new Window(instant(rs, "window_start"), instant(rs, "window_end"))).optional();
    }

    /** The technician's name, or the login when the technician is unknown. */
    public String technicianName(String login) {
        if (login == null) {
            return null;
        }
        return jdbc.sql("SELECT name FROM technician WHERE login = :login").param("login", login)
                .query(String.class).optional().orElse(login);
    }

    /** The latest FIXED visit of the work order, if it has one. */
    public Optional<FixedVisit> fixedVisit(UUID workOrderId) {
        return jdbc.sql("""
                SELECT technician, symptom, cause_code, actions, parts_used, labour_minutes, customer_confirmation,
                       recorded_at
                  FROM visit WHERE work_order_id = :id AND outcome = 'FIXED' ORDER BY recorded_at DESC LIMIT 1
                """).param("id", workOrderId)
                .query((rs, row) -> new FixedVisit(rs.getString("technician"), rs.getString("symptom"),
                        rs.getString("cause_code"), rs.getString("actions"),
                        json.readValue(rs.getString("parts_used"), PARTS), rs.getInt("labour_minutes"),
                        rs.getString("customer_confirmation"), instant(rs, "recorded_at")))
                .optional();
    }
}
