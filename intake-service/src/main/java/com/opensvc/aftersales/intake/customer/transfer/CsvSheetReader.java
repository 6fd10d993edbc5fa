package com.opensvc.aftersales.intake.customer.transfer;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV upload. The text is UTF-8 (with or without the BOM Excel's "CSV UTF-8" writes); a file that is
 * not valid UTF-8 is read as GB18030, which is what Excel's plain "CSV" writes on a Chinese Windows. A charset
 * named in the Content-Type wins over both.
 */
final class CsvSheetReader {
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private CsvSheetReader() {
    }

    static Sheet read(byte[] bytes, Charset declared, int maxRows) {
        String text = decode(bytes, declared);
        if (text.indexOf('\0') >= 0) {
            throw SheetFileException.file("is not a CSV text file (it contains binary data)");
        }
        Sheet.Row header = null;
        List<Sheet.Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            try {
                for (CSVRecord record : parser) {
                    Sheet.Row row = Sheet.Row.of((int) record.getRecordNumber(), record.toList());
                    if (row.blank()) {
                        continue;
                    }
                    if (header == null) {
                        header = row;
                    } else if (rows.size() == maxRows) {
                        throw new SheetFileException("rows", "has more than " + maxRows + " customer rows; split the file");
                    } else {
                        rows.add(row);
                    }
                }
            } catch (UncheckedIOException | IllegalStateException e) {
                throw SheetFileException.file("is not valid CSV near line " + parser.getCurrentLineNumber()
                        + ": a quoted value is not closed, or a quote is misplaced");
            }
        } catch (IOException e) {
            throw SheetFileException.file("is not valid CSV");
        }
        if (header == null) {
            throw SheetFileException.file("is empty: it needs a header row and at least one customer row");
        }
        return new Sheet(header, rows);
    }

    private static String decode(byte[] bytes, Charset declared) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer content = ByteBuffer.wrap(bytes, start, bytes.length - start);
        if (declared != null) {
            return strictly(content, declared, "is not " + declared.name() + " text as its Content-Type says");
        }
        try {
            return strictDecode(content.duplicate(), StandardCharsets.UTF_8);
        } catch (CharacterCodingException notUtf8) {
            return strictly(content, GB18030, "is not UTF-8 text: save it as \"CSV UTF-8\"");
        }
    }

    private static String strictly(ByteBuffer content, Charset charset, String message) {
        try {
            return strictDecode(content.duplicate(), charset);
        } catch (CharacterCodingException e) {
            throw SheetFileException.file(message);
        }
    }

    private static String strictDecode(ByteBuffer content, Charset charset) throws CharacterCodingException {
        String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(content).toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
