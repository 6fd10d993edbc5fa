package com.opensvc.aftersales.quality.defect;

import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.opensvc.aftersales.web.NotFoundException;
import com.opensvc.aftersales.web.Paging;

import lombok.RequiredArgsConstructor;

@RestController
@Validated
@RequestMapping("/api/quality/defects")
@RequiredArgsConstructor
public class DefectController {
    private final DefectRepository defects;

    @GetMapping
    @PreAuthorize("hasAnyRole('QUALITY', 'MANAGER', 'SUPERVISOR')")
    public List<Defect> search(@RequestParam(required = false) UUID ticketId, @Paging.DefaultSize(50) Paging paging) {
        return defects.search(ticketId, paging);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('QUALITY', 'MANAGER', 'SUPERVISOR')")
    public Defect get(@PathVariable UUID id) {
        return defects.find(id).orElseThrow(() -> new NotFoundException("no defect " + id));
    }
}
