package com.opensvc.aftersales.parts.requisition;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Requisitions' configuration.
 *
 * @param centralWarehouse the location code of the central warehouse an allocation leaves when it names none;
 *                         default CENTRAL
 */
@ConfigurationProperties("aftersales.parts.requisition")
public record RequisitionProperties(@DefaultValue("CENTRAL") String centralWarehouse) {

    public RequisitionProperties {
        if (centralWarehouse == null || centralWarehouse.isBlank()) {
            throw new IllegalArgumentException("aftersales.parts.requisition.central-warehouse must not be blank");
        }
    }
}
