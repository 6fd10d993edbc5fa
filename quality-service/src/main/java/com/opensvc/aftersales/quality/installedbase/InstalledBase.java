package com.opensvc.aftersales.quality.installedbase;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import lombok.RequiredArgsConstructor;

/**
 * Quality's installed base (from intake's events, never its database): the unit behind a failure (its batch and
 * factory date, QLT-01), units per model (the rate of QLT-06), the units a campaign's ranges reach (QLT-08) and a
 * model's first shipment (the launch of QLT-07 when quality has not recorded one).
 */
@Service
@RequiredArgsConstructor
public class InstalledBase {
    private static final Logger log = LoggerFactory.getLogger(InstalledBase.class);

    private final InstalledBaseRepository units;
    private final Clock clock;

    @Transactional
    public void recorded(InstalledProductRecorded recorded) {
        if (!units.upsertIfNewer(recorded.unit(), clock.instant())) {
            log.info("Installed product {} v{} is not newer than quality's copy", recorded.installedProductId(),
                    recorded.version());
        }
    }

    public Optional<InstalledUnit> find(UUID installedProductId) {
        return units.find(installedProductId);
    }

    /** The unit of a model and serial (a repair names the unit by them). */
    public Optional<InstalledUnit> find(String productModel, String serialNumber) {
        return units.find(productModel, serialNumber);
    }

    /** How many units of the model are installed. */
    public long count(String productModel) {
        return units.count(productModel);
    }

    /**
     * How many units of the model lie in the ranges (bounds inclusive, null = open; serials compare byte-wise as
     * intake's outreach does).
     */
    public long countAffected(String productModel, String serialFrom, String serialTo, LocalDate factoryDateFrom,
                              LocalDate factoryDateTo) {
        return units.countAffected(productModel, serialFrom, serialTo, factoryDateFrom, factoryDateTo);
    }

    /** The earliest ship date of any unit of the model. */
    public Optional<LocalDate> firstShipDate(String productModel) {
        return units.firstShipDate(productModel);
    }
}
