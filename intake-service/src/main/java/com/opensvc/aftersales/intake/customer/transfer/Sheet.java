package com.opensvc.aftersales.intake.customer.transfer;

import java.util.List;

/**
 * A sheet as read from an upload: its header row and the non-blank rows below it.
 *
 * @param header the first non-blank row
 * @param rows   the rows below the header that have at least one non-blank cell
 */
record Sheet(Row header, List<Row> rows) {

    /** Cells beyond this many are not kept, only counted in {@link Row#width()}. */
    static final int MAX_KEPT_CELLS = 64;

    /**
     * One row.
     *
     * @param number the row number the user sees: Excel's row number, or the CSV record number (header = 1)
     * @param cells  the first {@link #MAX_KEPT_CELLS} cells, as text
     * @param width  how many cells the row really has, up to its last non-blank one
     */
    record Row(int number, List<String> cells, int width) {
        static Row of(int number, List<String> cells) {
            int width = cells.size();
            while (width > 0 && isBlank(cells.get(width - 1))) {
                width--;
            }
            List<String> kept = cells.subList(0, Math.min(width, MAX_KEPT_CELLS));
            return new Row(number, List.copyOf(kept.stream().map(c -> c == null ? "" : c).toList()), width);
        }

        String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }

        boolean blank() {
            return width == 0;
        }
    }

    static boolean isBlank(String cell) {
        return cell == null || cell.isBlank();
    }
}
