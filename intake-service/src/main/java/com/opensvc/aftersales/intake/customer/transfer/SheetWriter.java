package com.opensvc.aftersales.intake.customer.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Writes a sheet row by row to a stream, so an export never holds more than a page of customers. */
interface SheetWriter extends AutoCloseable {

    void row(List<String> cells) throws IOException;

    /** Writes what is still buffered; the stream stays open. */
    void finish() throws IOException;

    @Override
    void close() throws IOException;

    static SheetWriter of(SheetFormat format, OutputStream out) {
        return format == SheetFormat.CSV ? new CsvSheetWriter(out) : new XlsxSheetWriter(out);
    }
}
