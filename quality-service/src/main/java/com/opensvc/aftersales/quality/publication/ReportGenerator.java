package com.opensvc.aftersales.quality.publication;

import java.util.List;

/**
 * Produces one kind of report from quality's own data. A feature declares its generator as a bean; the
 * {@link ReportArchive} keeps what it produces. Generating reads only: it never changes the data it reports on.
 */
public interface ReportGenerator {

    ReportKind kind();

    /**
     * The subjects of the period (one report each): e.g. every salesperson with failures, every watched model. A
     * report of the whole department has one subject, {@code ""}.
     */
    default List<String> subjects(ReportPeriod period) {
        return List.of("");
    }

    ReportContent generate(ReportPeriod period, String subject);
}
