package com.opensvc.aftersales.dispatch.charge;

import java.math.BigDecimal;

/** The parts catalogue's latest unit price of a part, as the last PartsIssued that carried it said (INT-08). */
record PartPrice(String partNumber, BigDecimal unitPrice, String currency) {
}
