package com.opensvc.aftersales.parts;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.testkit.FeatureBoundaries;

class PartsModularityTest {

    @Test
    @DisplayName("DESIGN §3 parts' features have no cycles and write only their own tables")
    void featureBoundaries() {
        Map<String, String> tables = new java.util.HashMap<>(Map.of(
                "part", "stock",
                "location", "stock",
                "stock", "stock",
                "movement", "stock",
                "loan", "loan",
                "backorder", "loan",
                "backorder_line", "loan",
                "receipt", "receipt",
                "receipt_line", "receipt"));
        // Map.of holds ten entries at most: issue 13's tables are added one per line
        tables.put("production_record", "production");
        tables.put("production_component", "production");
        FeatureBoundaries.verify(PartsApplication.class, tables);
    }
}
