package com.opensvc.aftersales.dispatch.charge;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.InvalidFieldException.FieldError;

/**
 * DSP-05, INT-08: prices a fixed visit. PAID work charges every part used at the catalogue price plus the entered
 * travel and service lines; work under another entitlement is charged only when the technician says
 * {@code chargeable=true} with a reason, and then only the entered lines (its parts stay covered). Every bad field is
 * named; nothing here reads the database.
 */
final class ChargePricing {
    static final String PAID = "PAID";

    private ChargePricing() {
    }

    /** The order being closed. */
    record Order(UUID workOrderId, UUID ticketId, String technicianId, String entitlement) {
    }

    /**
     * @param prices the latest catalogue price of each used part dispatch knows of
     * @return empty when nothing is charged (work that is not PAID, without charges)
     */
    static Optional<ChargeSheet> price(Order order, ChargesInput input, PaymentInput payment, List<Charges.UsedPart> partsUsed,
                                       Map<String, PartPrice> prices, String currency, Instant now) {
        List<FieldError> problems = new ArrayList<>();
        boolean paid = PAID.equals(order.entitlement());
        boolean chargeable = input != null && input.isChargeable();
        if (!paid && !chargeable) {
            if (input != null && !input.lines().isEmpty()) {
                problems.add(new FieldError("charges.chargeable", "the work order's entitlement is "
                        + order.entitlement() + ", not PAID: charges need chargeable=true and a reason"));
            }
            if (payment != null) {
                problems.add(new FieldError("payment", "only charged work is paid: the work order's entitlement is "
                        + order.entitlement() + " and nothing is charged"));
            }
            throwIfAny(problems);
            return Optional.empty();
        }
        List<ChargeSheet.Line> lines = new ArrayList<>();
        if (paid) {
            for (int i = 0; i < partsUsed.size(); i++) {
                Charges.UsedPart part = partsUsed.get(i);
                PartPrice price = prices.get(part.partNumber());
                if (price == null || !price.currency().equals(currency)) {
                    problems.add(new FieldError("partsUsed[" + i + "].partNumber", price == null
                            ? "has no catalogue price known to dispatch (no PartsIssued priced it): paid work charges "
                            + "parts at the catalogue price"
                            : "its catalogue price is in " + price.currency() + ", charges are in " + currency));
                    continue;
                }
                BigDecimal unit = Money.of(price.unitPrice());
                lines.add(new ChargeSheet.Line(ChargeKind.PARTS, "Part " + part.partNumber(), part.partNumber(),
                        part.quantity(), unit, Money.of(unit.multiply(BigDecimal.valueOf(part.quantity())))));
            }
        }
        if (input != null) {
            input.lines().stream().filter(l -> l.kind() != ChargeKind.PARTS)
                    .map(l -> new ChargeSheet.Line(l.kind(), l.description(), null, null, null, Money.of(l.amount())))
                    .forEach(lines::add);
        }
        throwIfAny(problems);
        BigDecimal parts = total(lines, ChargeKind.PARTS);
        BigDecimal travel = total(lines, ChargeKind.TRAVEL);
        BigDecimal service = total(lines, ChargeKind.SERVICE);
        BigDecimal total = parts.add(travel).add(service);
        ChargeSheet.Charges charges = new ChargeSheet.Charges(lines, parts, travel, service, total, currency,
                paid ? null : input.reason());
        ChargeSheet.Payment terms = payment(payment, total, currency, problems);
        throwIfAny(problems);
        return Optional.of(new ChargeSheet(order.workOrderId(), order.ticketId(), order.technicianId(),
                order.entitlement(), charges, terms, now));
    }

    private static ChargeSheet.Payment payment(PaymentInput payment, BigDecimal total, String currency,
                                               List<FieldError> problems) {
        if (payment == null) {
            if (total.signum() > 0) {
                problems.add(new FieldError("payment", "is required: the work is charged " + total + " " + currency));
            }
            return null;
        }
        if (total.signum() == 0) {
            problems.add(new FieldError("payment", "nothing is charged, so nothing is paid"));
            return null;
        }
        BigDecimal collected = Money.of(payment.amountCollected());
        if (payment.method() == PaymentMethod.PREPAID && collected == null) {
            collected = total;
        }
        if (collected != null && collected.compareTo(total) > 0) {
            problems.add(new FieldError("payment.amountCollected", "exceeds the total " + total + " " + currency));
            return null;
        }
        BigDecimal due = payment.method() == PaymentMethod.PREPAID ? total.subtract(collected) : total;
        return new ChargeSheet.Payment(payment.method(), payment.reference(), collected, due, currency);
    }

    private static BigDecimal total(List<ChargeSheet.Line> lines, ChargeKind kind) {
        return lines.stream().filter(l -> l.kind() == kind).map(ChargeSheet.Line::amount)
                .reduce(Money.zero(), BigDecimal::add);
    }

    private static void throwIfAny(List<FieldError> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidFieldException(problems);
        }
    }
}
