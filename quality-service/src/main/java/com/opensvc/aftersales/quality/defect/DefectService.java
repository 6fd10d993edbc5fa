package com.opensvc.aftersales.quality.defect;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.messaging.OutboxWriter;

import lombok.RequiredArgsConstructor;

/** QLT-01: every closed repair with a cause code becomes a defect record. */
@Service
@RequiredArgsConstructor
public class DefectService {
    private static final Logger log = LoggerFactory.getLogger(DefectService.class);
    static final String ACTOR = "system:quality-intake";

    private final DefectRepository defects;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    @Transactional
    public Optional<Defect> recordFromRepair(RepairClosed repair) {
        if (!repair.hasCauseCode()) {
            log.info("Repair {} of ticket {} closed without a cause code: no defect", repair.workOrderId(),
                    repair.ticketId());
            return Optional.empty();
        }
        Defect defect = Defect.fromRepair(repair, clock.instant());
        if (!defects.insertIfAbsent(defect)) {
            // the same repair under another event id: the unique (work order, source) keeps one record
            log.info("Repair {} already has its defect record", repair.workOrderId());
            return Optional.empty();
        }
        outbox.append(defect.recorded(ACTOR));
        events.publishEvent(new DefectLogged(defect.id(), defect.ticketId(), defect.workOrderId(), defect.source(),
                defect.productModel(), defect.serialNumber(), null, null, defect.failureMode(), defect.cause(), null,
                null, repair.occurredAt(), defect.recordedAt()));
        log.info("Recorded defect {} for ticket {} from repair {}", defect.id(), defect.ticketId(),
                defect.workOrderId());
        return Optional.of(defect);
    }
}
