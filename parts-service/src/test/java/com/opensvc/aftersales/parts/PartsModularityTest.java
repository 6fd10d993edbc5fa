package com.opensvc.aftersales.parts;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.testkit.FeatureBoundaries;

class PartsModularityTest {

    @Test
    @DisplayName("DESIGN §3 parts' features have no cycles and write only their own tables")
    void featureBoundaries() {
        FeatureBoundaries.verify(PartsApplication.class, Map.of(
                "part", "stock",
                "location", "stock",
                "stock", "stock",
                "movement", "stock",
                "loan", "loan",
                "backorder", "loan",
                "backorder_line", "loan",
                "receipt", "receipt",
                "receipt_line", "receipt",
                "production_record", "production",
                "production_component", "production"));
    }
}
