package com.opensvc.aftersales.parts.production;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import lombok.RequiredArgsConstructor;

/** PRT-03: parts' copy of the installed base's production inspection records, and the lookup of a repaired unit. */
@Service
@RequiredArgsConstructor
public class ProductionRecords {
    private static final Logger log = LoggerFactory.getLogger(ProductionRecords.class);

    private final ProductionRecordRepository records;
    private final Clock clock;

    /** Keeps the event's record unless a higher version of the installed product is already kept. */
    @Transactional
    public void recorded(InstalledProductRecorded recorded) {
        if (!records.upsertIfNewer(recorded.record(), clock.instant())) {
            log.info("Installed product {} version {} is older than the kept one; ignored",
                    recorded.installedProductId(), recorded.version());
        }
    }

    /** The production record of the unit of this model with this serial number (the latest, should there be two). */
    public Optional<ProductionRecord> find(String productModel, String serialNumber) {
        if (productModel == null || serialNumber == null) {
            return Optional.empty();
        }
        return records.find(productModel, serialNumber);
    }
}
