package com.opensvc.aftersales.dispatch.document;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.opensvc.aftersales.dispatch.workorder.WorkOrder;

/**
 * RPT-02: every document dispatch prints. Adding one is a template ({@code documents/<name>.html}), a model record and
 * a line here naming the template, its copies and how the model is built from the work order. A document with copies
 * (the charge form: customer, finance and file) prints each copy on its own pages, the template seeing {@code copy}.
 */
public enum PrintableDocument {
    DISPATCH_SLIP("dispatch-slip", CopySet.SINGLE, DispatchSlip::of),
    SERVICE_REPORT("service-report", CopySet.SINGLE, ServiceReport::of),
    CHARGE_FORM("charge-form", CopySet.CUSTOMER_FINANCE_FILE, ChargeForm::of);

    /** Which copies a document prints; {@link #SINGLE} prints once, with {@code copy} null. */
    public enum CopySet {
        SINGLE(List.of()),
        CUSTOMER_FINANCE_FILE(List.of("CUSTOMER", "FINANCE", "FILE"));

        private final List<String> copies;

        CopySet(List<String> copies) {
            this.copies = copies;
        }

        public List<String> copies() {
            return copies;
        }
    }

    /** Builds a document's model from the work order and what else dispatch knows of it. */
    @FunctionalInterface
    public interface Model {
        Object of(WorkOrder workOrder, DocumentSources sources);
    }

    private final String template;
    private final CopySet copySet;
    private final Model model;

    PrintableDocument(String template, CopySet copySet, Model model) {
        this.template = template;
        this.copySet = copySet;
        this.model = model;
    }

    public String template() {
        return template;
    }

    public CopySet copySet() {
        return copySet;
    }

    Object model(WorkOrder workOrder, DocumentSources sources) {
        return model.of(workOrder, sources);
    }

    /** The document printed at {@code …/documents/<template>.pdf}. */
    static Optional<PrintableDocument> byTemplate(String name) {
        return Arrays.stream(values()).filter(d -> d.template.equals(name)).findFirst();
    }
}
