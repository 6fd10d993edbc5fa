package com.opensvc.aftersales.dispatch.payment;

/** What a collection caused: the receivable after it, the collection record and its event. */
record ReceivableChange(Receivable receivable, Receivable.Collection collection, PaymentCollected event) {
}
