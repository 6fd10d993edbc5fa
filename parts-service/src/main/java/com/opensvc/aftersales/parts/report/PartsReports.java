package com.opensvc.aftersales.parts.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.opensvc.aftersales.parts.loan.PartsProperties;
import com.opensvc.aftersales.parts.report.InventoryValue.LocationValue;
import com.opensvc.aftersales.parts.report.InventoryValue.PartValue;
import com.opensvc.aftersales.parts.report.PartsReportRepository.HistoryFilter;
import com.opensvc.aftersales.parts.report.PartsReportRepository.StockValueLine;
import com.opensvc.aftersales.parts.stock.MovementReason;
import com.opensvc.aftersales.parts.stock.StockService;
import com.opensvc.aftersales.web.PageOf;
import com.opensvc.aftersales.web.Paging;
import com.opensvc.aftersales.web.TabularReport;

import lombok.RequiredArgsConstructor;

/**
 * PRT-07, RPT-01: parts' reports, every figure from the ledger and the stock it adds up to. Each report is a page of
 * rows (or, for the inventory value, one object) for JSON, and the same rows as a {@link TabularReport} for the CSV
 * and Excel downloads, which hold at most {@code aftersales.parts.reports.max-export-rows} rows.
 */
@Service
@RequiredArgsConstructor
public class PartsReports {
    private final PartsReportRepository repository;
    private final PartsReportProperties properties;
    private final PartsProperties parts;

    /** A download's rows and how many matched in all (more than the rows when the download was capped). */
    public record Export(TabularReport table, long totalItems) {
        public boolean truncated() {
            return totalItems > table.rowCount();
        }
    }

    /** A consumption or scrap query after its range and granularity were checked. */
    public record PeriodQuery(ReportRange range, Granularity granularity) {
        String fileSuffix() {
            return range.from() + "-" + range.to();
        }
    }

    public PeriodQuery periodQuery(LocalDate from, LocalDate to, String granularity) {
        return new PeriodQuery(ReportRange.required(from, to, properties.maxRangeDays()),
                Granularity.parse(granularity));
    }

    // ---- technician holdings -------------------------------------------------------------------------------------

    /** @param technician a technician's login, or null for every technician */
    @Transactional(readOnly = true)
    public PageOf<HoldingRow> holdings(String technician, String partNumber, Paging paging) {
        String holding = holding(technician);
        return paging.of(repository.holdings(holding, partNumber, paging.size(), paging.offset()),
                repository.countHoldings(holding, partNumber));
    }

    @Transactional(readOnly = true)
    public Export holdingsFile(String technician, String partNumber) {
        String holding = holding(technician);
        TabularReport.Builder table = TabularReport.builder("Technician holdings").text("technician").text("location")
                .text("partNumber").text("description").wholeNumber("issued").wholeNumber("consumed")
                .wholeNumber("returned").wholeNumber("holding").wholeNumber("onHand");
        for (HoldingRow r : repository.holdings(holding, partNumber, properties.maxExportRows(), 0)) {
            table.row(r.technician(), r.location(), r.partNumber(), r.description(), r.issued(), r.consumed(),
                    r.returned(), r.holding(), r.onHand());
        }
        return new Export(table.build(), repository.countHoldings(holding, partNumber));
    }

    private static String holding(String technician) {
        return technician == null ? null : StockService.holdingOf(technician);
    }

    // ---- consumption ---------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public PageOf<ConsumptionRow> consumption(PeriodQuery query, String productModel, String partNumber,
                                              Paging paging) {
        return paging.of(consumptionRows(query, productModel, partNumber, paging.size(), paging.offset()),
                countConsumption(query, productModel, partNumber));
    }

    @Transactional(readOnly = true)
    public Export consumptionFile(PeriodQuery query, String productModel, String partNumber) {
        TabularReport.Builder table = TabularReport.builder("Consumption").text("period").text("productModel")
                .text("partNumber").text("description").wholeNumber("underWarranty").wholeNumber("onPaidWork")
                .wholeNumber("quantity");
        for (ConsumptionRow r : consumptionRows(query, productModel, partNumber, properties.maxExportRows(), 0)) {
            table.row(r.period(), r.productModel(), r.partNumber(), r.description(), r.underWarranty(),
                    r.onPaidWork(), r.quantity());
        }
        return new Export(table.build(), countConsumption(query, productModel, partNumber));
    }

    private List<ConsumptionRow> consumptionRows(PeriodQuery q, String model, String part, long limit, long offset) {
        return repository.consumption(q.granularity(), q.range().start(properties.zone()),
                q.range().end(properties.zone()), properties.zone(), q.range().label(), model, part, limit, offset);
    }

    private long countConsumption(PeriodQuery q, String model, String part) {
        return repository.countConsumption(q.granularity(), q.range().start(properties.zone()),
                q.range().end(properties.zone()), properties.zone(), q.range().label(), model, part);
    }

    // ---- scrap ---------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public PageOf<ScrapRow> scrap(PeriodQuery query, String location, String partNumber, Paging paging) {
        return paging.of(scrapRows(query, location, partNumber, paging.size(), paging.offset()),
                countScrap(query, location, partNumber));
    }

    @Transactional(readOnly = true)
    public Export scrapFile(PeriodQuery query, String location, String partNumber) {
        TabularReport.Builder table = TabularReport.builder("Scrap").text("period").text("location")
                .text("partNumber").text("description").wholeNumber("quantity").decimal("unitPrice")
                .decimal("value").text("currency");
        for (ScrapRow r : scrapRows(query, location, partNumber, properties.maxExportRows(), 0)) {
            table.row(r.period(), r.location(), r.partNumber(), r.description(), r.quantity(), r.unitPrice(),
                    r.value(), r.currency());
        }
        return new Export(table.build(), countScrap(query, location, partNumber));
    }

    private List<ScrapRow> scrapRows(PeriodQuery q, String location, String part, long limit, long offset) {
        return repository.scrap(q.granularity(), q.range().start(properties.zone()), q.range().end(properties.zone()),
                properties.zone(), q.range().label(), location, part, parts.currency(), limit, offset);
    }

    private long countScrap(PeriodQuery q, String location, String part) {
        return repository.countScrap(q.granularity(), q.range().start(properties.zone()),
                q.range().end(properties.zone()), properties.zone(), q.range().label(), location, part);
    }

    // ---- inventory value -----------------------------------------------------------------------------------------

    /** @param kind CENTRAL, STORE, TECHNICIAN, TRANSIT or QUARANTINE, or null for all */
    @Transactional(readOnly = true)
    public InventoryValue inventoryValue(String location, LocationKind kind) {
        Map<String, List<StockValueLine>> byLocation = new LinkedHashMap<>();
        for (StockValueLine line : repository.stockOnHand(location, kind == null ? null : kind.name())) {
            byLocation.computeIfAbsent(line.location(), l -> new ArrayList<>()).add(line);
        }
        BigDecimal total = BigDecimal.ZERO;
        List<LocationValue> locations = new ArrayList<>();
        for (List<StockValueLine> lines : byLocation.values()) {
            BigDecimal locationTotal = BigDecimal.ZERO;
            List<PartValue> values = new ArrayList<>();
            for (StockValueLine line : lines) {
                BigDecimal value = line.unitPrice().multiply(BigDecimal.valueOf(line.onHand()));
                values.add(new PartValue(line.partNumber(), line.description(), line.onHand(), line.unitPrice(),
                        value));
                locationTotal = locationTotal.add(value);
            }
            locations.add(new LocationValue(lines.get(0).location(), lines.get(0).kind(), locationTotal, values));
            total = total.add(locationTotal);
        }
        return new InventoryValue(parts.currency(), total, locations);
    }

    /**
     * The inventory value as one table: a {@code PART} line per location and part, a {@code LOCATION_TOTAL} line
     * after each location's parts and one {@code TOTAL} line at the end.
     */
    @Transactional(readOnly = true)
    public Export inventoryValueFile(String location, LocationKind kind) {
        InventoryValue value = inventoryValue(location, kind);
        TabularReport.Builder table = TabularReport.builder("Inventory value").text("line").text("location")
                .text("kind").text("partNumber").text("description").wholeNumber("onHand").decimal("unitPrice")
                .decimal("value").text("currency");
        int rows = 0;
        int lines = 0;
        for (LocationValue l : value.locations()) {
            for (PartValue p : l.parts()) {
                lines++;
                if (rows++ < properties.maxExportRows()) {
                    table.row("PART", l.location(), l.kind(), p.partNumber(), p.description(), p.onHand(),
                            p.unitPrice(), p.value(), value.currency());
                }
            }
            table.row("LOCATION_TOTAL", l.location(), l.kind(), null, null, null, null, l.total(), value.currency());
        }
        table.row("TOTAL", null, null, null, null, null, null, value.total(), value.currency());
        TabularReport built = table.build();
        return new Export(built, built.rowCount() + Math.max(0, lines - properties.maxExportRows()));
    }

    // ---- movement history ----------------------------------------------------------------------------------------

    /** A history query after its range was checked (from and to together, or neither). */
    public record HistoryQuery(String partNumber, String location, UUID workOrderId, MovementReason reason,
                               ReportRange range) {
        String fileSuffix() {
            return range == null ? "all" : range.from() + "-" + range.to();
        }
    }

    public HistoryQuery historyQuery(String partNumber, String location, UUID workOrderId, MovementReason reason,
                                     LocalDate from, LocalDate to) {
        return new HistoryQuery(partNumber, location, workOrderId, reason,
                ReportRange.optional(from, to, properties.maxRangeDays()));
    }

    @Transactional(readOnly = true)
    public PageOf<MovementLine> history(HistoryQuery query, Paging paging) {
        HistoryFilter filter = filter(query);
        return paging.of(repository.history(filter, paging.size(), paging.offset()), repository.countHistory(filter));
    }

    /** The newest {@code max-export-rows} movements of the history. */
    @Transactional(readOnly = true)
    public Export historyFile(HistoryQuery query) {
        HistoryFilter filter = filter(query);
        TabularReport.Builder table = TabularReport.builder("Movements").zone(properties.zone()).wholeNumber("id")
                .instant("at").text("partNumber").text("description").text("fromLocation").text("toLocation")
                .wholeNumber("quantity").text("reason").text("actor").text("workOrderId").text("ticketId")
                .text("reference").text("productModel");
        for (MovementLine m : repository.history(filter, properties.maxExportRows(), 0)) {
            table.row(m.id(), m.at(), m.partNumber(), m.description(), m.fromLocation(), m.toLocation(), m.quantity(),
                    m.reason(), m.actor(), m.workOrderId(), m.ticketId(), m.reference(), m.productModel());
        }
        return new Export(table.build(), repository.countHistory(filter));
    }

    private HistoryFilter filter(HistoryQuery q) {
        return new HistoryFilter(q.partNumber(), q.location(), q.workOrderId(),
                q.reason() == null ? null : q.reason().name(),
                q.range() == null ? null : q.range().start(properties.zone()),
                q.range() == null ? null : q.range().end(properties.zone()));
    }
}
