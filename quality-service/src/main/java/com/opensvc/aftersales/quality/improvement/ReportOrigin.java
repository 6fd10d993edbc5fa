package com.opensvc.aftersales.quality.improvement;

/** Why a report was opened: a ticket quality must report on (INT-05), or by hand (QLT-05: for an alert). */
public enum ReportOrigin {
    /** intake's TicketAccepted with qualityMustReport */
    TICKET_ACCEPTED,
    /** intake's ComplaintFinished with qualityMustReport, for a ticket that had no report (handled without acceptance) */
    COMPLAINT_FINISHED,
    /** opened by quality through the API, for an alert */
    MANUAL,
    /** opened from a quality alert (QLT-06) by {@code ImprovementReportService.openForAlert}, one per alert */
    ALERT
}
