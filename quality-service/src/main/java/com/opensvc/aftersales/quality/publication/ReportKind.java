package com.opensvc.aftersales.quality.publication;

/** The reports quality generates on schedule and keeps. */
public enum ReportKind {
    /** QLT-03: the weekly after-sales report for the departments' meeting. */
    WEEKLY_AFTER_SALES,
    /** QLT-03: quality's answers to one salesperson's reported failures of the previous month (subject: the salesperson). */
    SALESPERSON_ANSWERS,
    /** QLT-03: monthly statistics for management. */
    MONTHLY_STATISTICS,
    /** QLT-04: the complaint summary of every Tuesday and of the 2nd of each month. */
    COMPLAINT_SUMMARY,
    /** QLT-04: the complaint analysis report for the monthly management meeting. */
    MONTHLY_COMPLAINT_ANALYSIS,
    /** QLT-07: the survey report of a model under the new-product watch (subject: the model). */
    NEW_PRODUCT_SURVEY
}
