package com.opensvc.aftersales.intake.customer.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.opensvc.aftersales.intake.customer.Customer;
import com.opensvc.aftersales.intake.customer.CustomerFilter;
import com.opensvc.aftersales.intake.customer.CustomerService;

import lombok.RequiredArgsConstructor;

/**
 * RPT-04 export: streams every matching customer to the sheet a page at a time (keyset paging by id), so a
 * million customers need no more memory than one page. SEC-04: the export is recorded in the audit table before
 * the first byte is sent; the log says who exported how many, never a phone or an address.
 */
@Service
@RequiredArgsConstructor
public class CustomerExport {
    private static final Logger log = LoggerFactory.getLogger(CustomerExport.class);

    private final CustomerService customers;
    private final TransferAudit audit;
    private final CustomerTransferProperties properties;
    private final Clock clock;

    /** Records the export; call before the response is committed. */
    public UUID start(CustomerFilter filter, SheetFormat format, String actor) {
        UUID id = UUID.randomUUID();
        audit.started(id, TransferAudit.Direction.EXPORT, format, actor, clock.instant(), describe(filter));
        return id;
    }

    public int write(UUID exportId, CustomerFilter filter, SheetFormat format, OutputStream out, String actor)
            throws IOException {
        int count = 0;
        try (SheetWriter writer = SheetWriter.of(format, out)) {
            writer.row(CustomerColumn.headers());
            UUID after = null;
            List<Customer> page;
            do {
                page = customers.exportPage(filter, after, properties.exportPageSize());
                for (Customer customer : page) {
                    writer.row(CustomerSheet.exportCells(customer));
                }
                count += page.size();
                after = page.isEmpty() ? after : page.get(page.size() - 1).id();
            } while (page.size() == properties.exportPageSize());
            writer.finish();
        }
        audit.finished(exportId, clock.instant(), count, null, null);
        log.info("Customer export {} ({}) by {}: {} customers", exportId, format, actor, count);
        return count;
    }

    static String describe(CustomerFilter filter) {
        List<String> parts = new ArrayList<>();
        if (filter.customerClass() != null) {
            parts.add("class=" + filter.customerClass());
        }
        if (filter.group() != null && !filter.group().isBlank()) {
            parts.add("group=" + filter.group());
        }
        if (filter.region() != null && !filter.region().isBlank()) {
            parts.add("region=" + filter.region());
        }
        if (filter.blocked() != null) {
            parts.add("blocked=" + filter.blocked());
        }
        return parts.isEmpty() ? "all customers" : String.join(", ", parts);
    }
}
