package com.opensvc.aftersales.quality.defect;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.messaging.OutboxWriter;

/** QLT-01: every closed repair with a cause code becomes a defect record. */
@Service
public class DefectService {
    private static final Logger log = LoggerFactory.getLogger(DefectService.class);
    static final String AGGREGATE = "quality.defect";
    static final String SOURCE_REPAIR = "REPAIR_CLOSED";
    static final String ACTOR = "system:quality-intake";

    private final DefectRepository defects;
    private final OutboxWriter outbox;
    private final Clock clock;

    public DefectService(DefectRepository defects, OutboxWriter outbox, Clock clock) {
        this.defects = defects;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record ClosedRepair(UUID ticketId, UUID workOrderId, String productModel, String serialNumber,
                               String symptom, String causeCode) {
    }

    record DefectRecorded(UUID defectId, UUID ticketId, UUID workOrderId, String productModel, String serialNumber,
                          String failureMode, String cause, String source, String actor, Instant occurredAt) {
    }

    @Transactional
    public Optional<Defect> recordFromRepair(ClosedRepair repair) {
        if (repair.causeCode() == null || repair.causeCode().isBlank()) {
            log.info("Repair {} of ticket {} closed without a cause code: no defect", repair.workOrderId(),
                    repair.ticketId());
            return Optional.empty();
        }
        Instant now = clock.instant();
        Defect defect = new Defect(UUID.randomUUID(), repair.ticketId(), repair.workOrderId(), repair.productModel(),
                repair.serialNumber(), repair.symptom(), repair.causeCode(), null, SOURCE_REPAIR, now);
        if (!defects.insertIfAbsent(defect)) {
            // the same repair under another event id: the unique (work order, source) keeps one record
            log.info("Repair {} already has its defect record", repair.workOrderId());
            return Optional.empty();
        }
        outbox.append(AGGREGATE, repair.ticketId(), "DefectRecorded", 1, new DefectRecorded(defect.id(),
                defect.ticketId(), defect.workOrderId(), defect.productModel(), defect.serialNumber(),
                defect.failureMode(), defect.cause(), defect.source(), ACTOR, now));
        log.info("Recorded defect {} for ticket {} from repair {}", defect.id(), defect.ticketId(),
                defect.workOrderId());
        return Optional.of(defect);
    }
}
