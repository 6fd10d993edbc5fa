package com.opensvc.aftersales.parts.stock;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class StockController {
    private final StockRepository stock;

    public StockController(StockRepository stock) {
        this.stock = stock;
    }

    @GetMapping("/api/parts/stock")
    @PreAuthorize("hasAnyRole('STOREKEEPER', 'SUPERVISOR', 'MANAGER')")
    public List<StockLevel> levels(@RequestParam(required = false) String location) {
        return stock.levels(location);
    }
}
