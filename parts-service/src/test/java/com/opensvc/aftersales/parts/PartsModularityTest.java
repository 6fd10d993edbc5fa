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
                Map.entry("part", "catalogue"),
                Map.entry("location", "catalogue"),
                Map.entry("part_fitting_model", "catalogue"),
                Map.entry("part_price_change", "catalogue"),
                Map.entry("stock", "stock"),
                Map.entry("movement", "stock"),
                Map.entry("stock_plan", "planning"),
                Map.entry("loan", "loan"),
                Map.entry("backorder", "loan"),
                Map.entry("backorder_line", "loan"),
                Map.entry("reservation", "loan"),
                Map.entry("reservation_line", "loan"),
                Map.entry("requisition", "requisition"),
                Map.entry("requisition_line", "requisition"),
                Map.entry("requisition_source", "requisition"),
                Map.entry("allocation", "requisition"),
                Map.entry("allocation_line", "requisition"),
                Map.entry("transfer", "transfer"),
                Map.entry("transfer_line", "transfer"),
                Map.entry("production_record", "production"),
                Map.entry("production_component", "production"),
                Map.entry("receipt", "receipt"),
                Map.entry("receipt_line", "receipt")));
    }
}
