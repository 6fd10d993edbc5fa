package com.opensvc.aftersales.parts;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.testkit.FeatureBoundaries;

class PartsModularityTest {

    @Test
    @DisplayName("DESIGN §3 parts' features have no cycles and write only their own tables")
    void featureBoundaries() {
        FeatureBoundaries.verify(PartsApplication.class, withCatalogue(Map.of(
                "part", "catalogue",
                "location", "catalogue",
                "stock", "stock",
                "movement", "stock",
                "loan", "loan",
                "backorder", "loan",
                "backorder_line", "loan",
                "receipt", "receipt",
                "receipt_line", "receipt")));
    }

    /** Issue 13, catalogue slice: its new tables (Map.of takes at most ten pairs). */
    private static Map<String, String> withCatalogue(Map<String, String> owners) {
        Map<String, String> all = new HashMap<>(owners);
        all.put("part_fitting_model", "catalogue");
        all.put("part_price_change", "catalogue");
        return all;
    }
}
