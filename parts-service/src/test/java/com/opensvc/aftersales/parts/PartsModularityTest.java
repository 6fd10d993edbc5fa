package com.opensvc.aftersales.parts;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.opensvc.aftersales.testkit.FeatureBoundaries;

class PartsModularityTest {

    @Test
    @DisplayName("DESIGN §3 parts' features have no cycles and write only their own tables")
    void featureBoundaries() {
        FeatureBoundaries.verify(PartsApplication.class, Map.ofEntries(
                Map.entry("part", "stock"),
                Map.entry("location", "stock"),
                Map.entry("stock", "stock"),
                Map.entry("movement", "stock"),
                Map.entry("loan", "loan"),
                Map.entry("backorder", "loan"),
                Map.entry("backorder_line", "loan"),
                Map.entry("receipt", "receipt"),
                Map.entry("receipt_line", "receipt"),
                Map.entry("production_record", "production"),
                Map.entry("production_component", "production")));
    }
}
