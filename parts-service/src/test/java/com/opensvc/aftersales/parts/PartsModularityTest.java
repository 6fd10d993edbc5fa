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
        // issue 13, requisition slice
        tables.putAll(Map.of(
                "requisition", "requisition",
                "requisition_line", "requisition",
                "requisition_source", "requisition",
                "allocation", "requisition",
                "allocation_line", "requisition",
                "transfer", "transfer",
                "transfer_line", "transfer"));
        FeatureBoundaries.verify(PartsApplication.class, tables);
    }
}
