package com.opensvc.aftersales.intake.quote;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.opensvc.aftersales.intake.entitlement.Entitlement;
import com.opensvc.aftersales.intake.ticket.ServiceType;
import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.InvalidFieldException.FieldError;

/**
 * INT-08 pricing in plain Java: parts at catalogue price (at cost for an out-of-warranty depot repair), labour
 * at the finance rate for the minutes worked, travel per visit; under warranty only travel, and only for a
 * product that cannot be removed and is repaired on site.
 */
public final class QuotePricing {
    private static final int MONEY_SCALE = 2;
    private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);

    private QuotePricing() {
    }

    /** What the ticket says about who pays and where the work happens. */
    public record Job(Entitlement entitlement, ServiceType serviceType, boolean removable, String customerRegion) {
        boolean paid() {
            return entitlement == Entitlement.PAID;
        }

        boolean depotRepair() {
            return serviceType == ServiceType.CARRY_IN;
        }

        /** INT-08: travel is charged under warranty when a product that cannot be removed needs an on-site visit. */
        boolean travelChargeableUnderWarranty() {
            return !removable && serviceType == ServiceType.ON_SITE;
        }
    }

    /** The prices of the part numbers, labour codes and travel zones the request names (missing = no price). */
    public record PriceList(Map<String, Prices.PartPrice> parts, Map<String, Prices.LabourRate> labour,
                            Map<String, Prices.TravelPrice> travel) {
    }

    public record Priced(List<QuoteLine> lines, BigDecimal total) {
    }

    /** @throws InvalidFieldException naming every line field that cannot be priced or charged */
    public static Priced price(Job job, List<IssueQuoteRequest.Line> request, PriceList prices) {
        List<FieldError> errors = new ArrayList<>();
        if (job.entitlement() == null) {
            errors.add(new FieldError("entitlement", "is unknown until the ticket has a ship date; it cannot be quoted"));
            throw new InvalidFieldException(errors);
        }
        if (!job.paid() && !job.travelChargeableUnderWarranty()) {
            errors.add(new FieldError("removable", "under entitlement " + job.entitlement()
                    + " only travel to a product that cannot be removed, repaired ON_SITE, is charged"));
        }
        List<QuoteLine> lines = new ArrayList<>();
        for (int i = 0; i < request.size(); i++) {
            IssueQuoteRequest.Line line = request.get(i);
            String at = "lines[" + i + "].";
            if (!job.paid() && line.kind() != LineKind.TRAVEL) {
                errors.add(new FieldError(at + "kind", "only TRAVEL is charged under entitlement " + job.entitlement()));
                continue;
            }
            QuoteLine priced = switch (line.kind()) {
                case PART -> part(job, line, prices, at, errors);
                case LABOUR -> labour(line, prices, at, errors);
                case TRAVEL -> travel(job, line, prices, at, errors);
            };
            if (priced != null) {
                lines.add(priced);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        return new Priced(List.copyOf(lines), total(lines));
    }

    public static BigDecimal total(List<QuoteLine> lines) {
        return lines.stream().map(QuoteLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(MONEY_SCALE, RoundingMode.HALF_UP);
    }

    /** INT-08: a supervisor always approves; a manager too when the total is strictly above the limit. */
    public static boolean needsManagerApproval(BigDecimal total, BigDecimal limit) {
        return total.compareTo(limit) > 0;
    }

    /** The payment terms of a quote: as asked, else PREPAID-style depot default, else the general default. */
    public static PaymentTerms paymentTerms(PaymentTerms requested, ServiceType serviceType, QuoteProperties properties) {
        if (requested != null) {
            return requested;
        }
        return serviceType == ServiceType.CARRY_IN ? properties.depotPaymentTerms() : properties.defaultPaymentTerms();
    }

    private static QuoteLine part(Job job, IssueQuoteRequest.Line line, PriceList prices, String at, List<FieldError> errors) {
        boolean ok = true;
        if (blank(line.partNumber())) {
            errors.add(new FieldError(at + "partNumber", "is required for a PART line"));
            ok = false;
        }
        if (line.quantity() == null) {
            errors.add(new FieldError(at + "quantity", "is required for a PART line"));
            ok = false;
        }
        if (!ok) {
            return null;
        }
        Prices.PartPrice price = prices.parts().get(line.partNumber());
        if (price == null) {
            errors.add(new FieldError(at + "partNumber", "has no price in the part price list"));
            return null;
        }
        boolean atCost = job.paid() && job.depotRepair();
        BigDecimal unit = atCost ? price.costPrice() : price.cataloguePrice();
        return new QuoteLine(LineKind.PART, line.partNumber(), line.quantity(), null, null, null,
                price.description() == null ? line.partNumber() : price.description(), money(unit),
                money(unit.multiply(BigDecimal.valueOf(line.quantity()))), atCost);
    }

    private static QuoteLine labour(IssueQuoteRequest.Line line, PriceList prices, String at, List<FieldError> errors) {
        boolean ok = true;
        if (blank(line.labourCode())) {
            errors.add(new FieldError(at + "labourCode", "is required for a LABOUR line"));
            ok = false;
        }
        if (line.minutes() == null) {
            errors.add(new FieldError(at + "minutes", "is required for a LABOUR line"));
            ok = false;
        }
        if (!ok) {
            return null;
        }
        Prices.LabourRate rate = prices.labour().get(line.labourCode());
        if (rate == null) {
            errors.add(new FieldError(at + "labourCode", "has no rate in the labour price list"));
            return null;
        }
        BigDecimal amount = rate.hourlyRate().multiply(BigDecimal.valueOf(line.minutes()))
                .divide(MINUTES_PER_HOUR, MONEY_SCALE, RoundingMode.HALF_UP);
        return new QuoteLine(LineKind.LABOUR, null, null, line.labourCode(), line.minutes(), null,
                rate.description() == null ? line.labourCode() : rate.description(), money(rate.hourlyRate()),
                amount, false);
    }

    private static QuoteLine travel(Job job, IssueQuoteRequest.Line line, PriceList prices, String at,
                                    List<FieldError> errors) {
        String zone = blank(line.travelZone()) ? job.customerRegion() : line.travelZone();
        if (blank(zone)) {
            errors.add(new FieldError(at + "travelZone", "is required when the customer has no region"));
            return null;
        }
        Prices.TravelPrice price = prices.travel().get(zone);
        if (price == null) {
            errors.add(new FieldError(at + "travelZone", "has no price in the travel price list"));
            return null;
        }
        int visits = line.quantity() == null ? 1 : line.quantity();
        return new QuoteLine(LineKind.TRAVEL, null, visits, null, null, zone,
                price.description() == null ? "travel " + zone : price.description(), money(price.price()),
                money(price.price().multiply(BigDecimal.valueOf(visits))), false);
    }

    private static BigDecimal money(BigDecimal value) {
        return value.setScale(MONEY_SCALE, RoundingMode.HALF_UP);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
