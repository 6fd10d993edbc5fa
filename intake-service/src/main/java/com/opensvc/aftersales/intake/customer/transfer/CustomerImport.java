package com.opensvc.aftersales.intake.customer.transfer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.intake.customer.Customer;
import com.opensvc.aftersales.intake.customer.CustomerService;
import com.opensvc.aftersales.web.StateConflictException;

import jakarta.validation.Validator;

import lombok.RequiredArgsConstructor;

/**
 * RPT-04 import. Every row is checked before anything is written; one bad row refuses the whole file (400 naming
 * each bad cell), so the desk fixes the sheet and imports it again without half of it already in. A row with the
 * id of an existing customer updates it, a row without an id creates a customer, a row that changes nothing is
 * left alone. A dry run checks and counts and writes nothing.
 */
@Service
@RequiredArgsConstructor
public class CustomerImport {
    private static final Logger log = LoggerFactory.getLogger(CustomerImport.class);
    private static final int LOOKUP_BATCH = 1000;

    private final CustomerService customers;
    private final TransferAudit audit;
    private final CustomerTransferProperties properties;
    private final Validator validator;
    private final Clock clock;

    /** What an import did (or, in a dry run, would do). */
    public record Report(boolean dryRun, SheetFormat format, int rows, int created, int updated, int unchanged,
                         UUID importId) {
    }

    @Transactional
    public Report importSheet(Sheet sheet, SheetFormat format, boolean dryRun, String actor) {
        RowErrors errors = new RowErrors(properties.maxErrors());
        CustomerSheet columns = CustomerSheet.fromHeader(sheet.header(), errors);
        errors.throwIfAny();
        if (sheet.rows().isEmpty()) {
            throw new SheetFileException("rows", "there are no customer rows below the header");
        }
        List<CustomerSheet.ImportRow> rows = new ArrayList<>(sheet.rows().size());
        Map<UUID, Integer> rowOfId = new HashMap<>();
        for (Sheet.Row row : sheet.rows()) {
            CustomerSheet.ImportRow parsed = columns.parse(row, validator, errors);
            if (parsed == null) {
                continue;
            }
            if (parsed.id() != null) {
                Integer earlier = rowOfId.putIfAbsent(parsed.id(), parsed.number());
                if (earlier != null) {
                    errors.add(parsed.number(), CustomerColumn.ID, "the same customer is already in row " + earlier);
                    continue;
                }
            }
            rows.add(parsed);
        }
        Map<UUID, Customer> existing = existing(rowOfId.keySet());
        for (CustomerSheet.ImportRow row : rows) {
            if (row.id() != null && !existing.containsKey(row.id())) {
                errors.add(row.number(), CustomerColumn.ID, "no such customer (leave it empty for a new customer)");
            }
        }
        errors.throwIfAny();

        Instant now = clock.instant();
        UUID importId = dryRun ? null : UUID.randomUUID();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (CustomerSheet.ImportRow row : rows) {
            if (row.id() == null) {
                created++;
                if (!dryRun) {
                    customers.importNew(row.input(), now, actor);
                }
                continue;
            }
            Customer current = existing.get(row.id());
            var merged = columns.merged(current, row);
            if (merged.equals(CustomerSheet.asInput(current))) {
                unchanged++;
                continue;
            }
            updated++;
            if (!dryRun && !customers.importChange(row.id(), current.version(), merged, now, actor)) {
                throw new StateConflictException("customer " + row.id() + " (row " + row.number() + ")",
                        "changed during the import", "import");
            }
        }
        if (!dryRun) {
            audit.started(importId, TransferAudit.Direction.IMPORT, format, actor, now, null);
            audit.finished(importId, clock.instant(), rows.size(), created, updated);
            log.info("Customer import {} ({}) by {}: {} rows, {} created, {} updated, {} unchanged", importId, format,
                    actor, rows.size(), created, updated, unchanged);
        }
        return new Report(dryRun, format, rows.size(), created, updated, unchanged, importId);
    }

    private Map<UUID, Customer> existing(Set<UUID> ids) {
        Map<UUID, Customer> found = new HashMap<>();
        List<UUID> all = new ArrayList<>(new HashSet<>(ids));
        for (int from = 0; from < all.size(); from += LOOKUP_BATCH) {
            for (Customer c : customers.findAll(all.subList(from, Math.min(all.size(), from + LOOKUP_BATCH)))) {
                found.put(c.id(), c);
            }
        }
        return found;
    }
}
