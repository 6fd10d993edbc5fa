package com.opensvc.aftersales.dispatch.workorder;

import java.util.ArrayList;
import java.util.List;

import com.opensvc.aftersales.web.InvalidFieldException;
import com.opensvc.aftersales.web.InvalidFieldException.FieldError;

/**
 * DSP-05: the rules of a visit report that span fields and need no work order (bean validation has checked each
 * field): the customer confirmed one way or the other, the signature is a real image, the charge lines and the
 * payment terms fit together. What needs the order (entitlement, catalogue prices) is the charges' to say.
 */
final class VisitReportRules {
    private VisitReportRules() {
    }

    static void check(RecordVisitRequest report) {
        List<FieldError> problems = new ArrayList<>();
        if (report.confirmation() == null) {
            if (report.customerConfirmation() == null || report.customerConfirmation().isBlank()) {
                problems.add(new FieldError("confirmation",
                        "is required: SIGNATURE with the signature image, or CODE with the customer's code"));
            }
        } else {
            if (report.customerConfirmation() != null) {
                problems.add(new FieldError("customerConfirmation", "is the older form: give only confirmation"));
            }
            problems.addAll(report.confirmation().problems("confirmation"));
        }
        if (report.charges() != null) {
            problems.addAll(report.charges().problems("charges"));
        }
        if (report.payment() != null) {
            problems.addAll(report.payment().problems("payment"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldException(problems);
        }
    }
}
