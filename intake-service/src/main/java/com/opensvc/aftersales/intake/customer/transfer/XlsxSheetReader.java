package com.opensvc.aftersales.intake.customer.transfer;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads an Excel (.xlsx) upload with POI's streaming (SAX) reader, so a large sheet is never held as a workbook.
 * The sheet named "Customers" is read, or else the first one. Formula cells count with their last computed value.
 * Zip bombs are refused by POI's {@link ZipSecureFile} limits, tightened here.
 */
final class XlsxSheetReader {
    /** A part (e.g. the sheet's XML) may expand to at most this; 50,000 rows of 14 cells are far below it. */
    static final long MAX_PART_BYTES = 200L * 1024 * 1024;
    static final String SHEET_NAME = "Customers";

    static {
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
        ZipSecureFile.setMaxFileCount(1000);
    }

    private XlsxSheetReader() {
    }

    /** Refuses what is not an .xlsx at all, with a message that says what it is instead. */
    static void requireWorkbook(byte[] bytes) {
        FileMagic magic = FileMagic.valueOf(bytes);
        if (magic == FileMagic.OLE2) {
            throw SheetFileException.file("is password-protected (encrypted) or an old Excel 97-2003 .xls workbook: "
                    + "save it as an unprotected .xlsx workbook or as CSV UTF-8");
        }
        if (magic != FileMagic.OOXML) {
            throw SheetFileException.file("is not an Excel .xlsx workbook");
        }
    }

    static Sheet read(byte[] bytes, int maxRows) {
        requireWorkbook(bytes);
        Path file = null;
        try {
            file = Files.createTempFile("customer-import-", ".xlsx");
            Files.write(file, bytes);
            return read(file.toFile(), maxRows);
        } catch (IOException e) {
            throw SheetFileException.file("could not be stored for reading");
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file; the OS cleans its temp directory
                }
            }
        }
    }

    private static Sheet read(File file, int maxRows) {
        Collector collector = new Collector(maxRows);
        try (OPCPackage pkg = OPCPackage.open(file, PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings, collector,
                    new DataFormatter(), false));
            try (InputStream sheet = customersSheet(reader)) {
                xml.parse(new InputSource(sheet));
            }
        } catch (SheetFileException e) {
            throw e;
        } catch (TooManyRows e) {
            throw new SheetFileException("rows", "has more than " + maxRows + " customer rows; split the file");
        } catch (Exception | LinkageError e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("Zip bomb") || message.contains("exceeds the max") || message.contains("exceeded the max")) {
                throw SheetFileException.file("expands to far more than its size (a zip bomb?); refused");
            }
            throw SheetFileException.file("is not a readable Excel .xlsx workbook");
        }
        if (collector.header == null) {
            throw SheetFileException.file("is empty: it needs a header row and at least one customer row");
        }
        return new Sheet(collector.header, collector.rows);
    }

    private static InputStream customersSheet(XSSFReader reader) throws Exception {
        XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
        InputStream chosen = null;
        while (sheets.hasNext()) {
            InputStream sheet = sheets.next();
            if (chosen == null) {
                chosen = sheet;
            } else if (SHEET_NAME.equalsIgnoreCase(sheets.getSheetName())) {
                chosen.close();
                return sheet;
            } else {
                sheet.close();
            }
        }
        if (chosen == null) {
            throw SheetFileException.file("has no sheet");
        }
        return chosen;
    }

    private static final class TooManyRows extends RuntimeException {
        TooManyRows() {
            super(null, null, false, false);
        }
    }

    /** Collects rows as the SAX parser reports their cells; a missing cell reference means "next column". */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final int maxRows;
        private final List<Sheet.Row> rows = new ArrayList<>();
        private Sheet.Row header;
        private List<String> cells;
        private int nextColumn;
        private int width;

        Collector(int maxRows) {
            this.maxRows = maxRows;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
            nextColumn = 0;
            width = 0;
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = reference == null ? nextColumn : new CellReference(reference).getCol();
            nextColumn = column + 1;
            if (Sheet.isBlank(formattedValue)) {
                return;
            }
            width = Math.max(width, column + 1);
            if (column < Sheet.MAX_KEPT_CELLS) {
                while (cells.size() <= column) {
                    cells.add("");
                }
                cells.set(column, formattedValue);
            }
        }

        @Override
        public void endRow(int rowNum) {
            if (width == 0) {
                return;
            }
            Sheet.Row row = new Sheet.Row(rowNum + 1, List.copyOf(cells), width);
            if (header == null) {
                header = row;
            } else if (rows.size() == maxRows) {
                throw new TooManyRows();
            } else {
                rows.add(row);
            }
        }
    }
}
