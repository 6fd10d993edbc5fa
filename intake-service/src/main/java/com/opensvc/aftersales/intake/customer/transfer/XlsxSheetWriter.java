package com.opensvc.aftersales.intake.customer.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * An Excel workbook with one sheet "Customers", written with POI's streaming SXSSF: only the last
 * {@link #WINDOW} rows stay in memory, the rest go to a compressed temporary file until the workbook is written.
 * Every cell is a text cell (Excel never evaluates it, and phone numbers keep their leading 0 and +).
 */
final class XlsxSheetWriter implements SheetWriter {
    static final int WINDOW = 200;
    private static final int COLUMN_WIDTH = 20 * 256;

    private final OutputStream out;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    private final SXSSFSheet sheet;
    private final CellStyle bold;
    private int next;

    XlsxSheetWriter(OutputStream out) {
        this.out = out;
        workbook.setCompressTempFiles(true);
        sheet = workbook.createSheet(XlsxSheetReader.SHEET_NAME);
        sheet.createFreezePane(0, 1);
        Font font = workbook.createFont();
        font.setBold(true);
        bold = workbook.createCellStyle();
        bold.setFont(font);
    }

    @Override
    public void row(List<String> cells) throws IOException {
        SXSSFRow row = sheet.createRow(next);
        for (int i = 0; i < cells.size(); i++) {
            var cell = row.createCell(i);
            String value = cells.get(i);
            if (value != null && !value.isEmpty()) {
                cell.setCellValue(value);
            }
            if (next == 0) {
                cell.setCellStyle(bold);
                sheet.setColumnWidth(i, COLUMN_WIDTH);
            }
        }
        next++;
    }

    @Override
    public void finish() throws IOException {
        workbook.write(out);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            workbook.dispose();
        } finally {
            workbook.close();
        }
    }
}
