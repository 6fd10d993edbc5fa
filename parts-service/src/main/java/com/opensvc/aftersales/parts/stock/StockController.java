package com.opensvc.aftersales.parts.stock;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import lombok.RequiredArgsConstructor;

@RestController
@Validated
@RequiredArgsConstructor
public class StockController {
    private final StockRepository stock;

    @GetMapping("/api/parts/stock")
    @PreAuthorize("hasAnyRole('STOREKEEPER', 'SUPERVISOR', 'MANAGER')")
    public List<StockLevel> levels(@RequestParam(required = false) @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}]*") String location,
                                   @Paging.DefaultSize(PageOf.MAX_SIZE) Paging paging) {
        return stock.levels(location, paging);
    }
}
