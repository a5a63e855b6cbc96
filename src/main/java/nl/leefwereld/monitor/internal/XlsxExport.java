package nl.leefwereld.monitor.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import nl.leefwereld.monitor.MonitorTable;
import nl.leefwereld.monitor.MonitorTable.Cell;
import nl.leefwereld.monitor.MonitorTable.Column;
import nl.leefwereld.monitor.MonitorTable.Row;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A suppressed monitor table as an Excel workbook (FastExcel, streamed to the output): one sheet with a title row, the
 * filters, the refresh time and what "&lt; 10" means, then the table with a bold header. Counts, amounts, percentages
 * and days are real numbers in number cells (formats: {@code #,##0}, euro with cents, {@code 0.0 %} on percentage
 * points); a suppressed cell is the text "&lt; 10" and nothing else, so no hidden number is anywhere in the file.
 */
final class XlsxExport {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Where the table's header row is (0-based): after the title block. */
    static final int HEADER_ROW = 6;

    private XlsxExport() {
    }

    /**
     * @param filters the filters in words ({@link ExportFormat#filters})
     */
    static void write(MonitorTable table, String filters, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Leefwereld", "1.0");
        Worksheet ws = workbook.newWorksheet(sheetName(table.title()));
        List<Column> columns = table.columns();

        ws.value(0, 0, table.title());
        ws.style(0, 0).bold().fontSize(14).set();
        label(ws, 1, "Filters", filters);
        label(ws, 2, "Cijfers bijgewerkt", ExportFormat.moment(table.refreshedAt()));
        label(ws, 3, ExportFormat.suppressed(table.threshold()), ExportFormat.suppressionNote(table));
        label(ws, 4, "Uitleg", table.explanation());

        int[] widths = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            ws.value(HEADER_ROW, c, column.label());
            ws.style(HEADER_ROW, c).bold().wrapText(true).borderStyle(org.dhatim.fastexcel.BorderSide.BOTTOM, "thin")
                    .horizontalAlignment(ExportFormat.numeric(column) ? "right" : "left").set();
            widths[c] = Math.min(column.label().length(), 30);
        }
        int r = HEADER_ROW + 1;
        for (Row row : table.rows()) {
            for (int c = 0; c < columns.size(); c++) {
                Column column = columns.get(c);
                Cell cell = row.cell(column.key());
                String shown = ExportFormat.display(column, cell, table.threshold());
                widths[c] = Math.max(widths[c], shown.length());
                var style = ws.style(r, c);
                if (cell.suppressed()) {
                    ws.value(r, c, ExportFormat.suppressed(table.threshold()));
                    style = style.horizontalAlignment("right");
                } else if (cell.text() != null) {
                    ws.value(r, c, cell.text());
                } else if (cell.number() != null) {
                    ws.value(r, c, cell.number());
                    style = style.format(numberFormat(column.kind()));
                }
                if (row.total()) {
                    style = style.bold();
                }
                style.set();
            }
            r++;
        }
        r++;
        for (String note : table.notes()) {
            ws.value(r++, 0, note);
        }
        for (int c = 0; c < columns.size(); c++) {
            ws.width(c, Math.max(10, Math.min(60, widths[c] + 3)));
        }
        if (columns.size() < 2) {
            ws.width(1, 60);   // the values of the title block
        }
        workbook.finish();
    }

    private static void label(Worksheet ws, int row, String label, String value) {
        ws.value(row, 0, label);
        ws.style(row, 0).bold().set();
        ws.value(row, 1, value == null ? "" : value);
    }

    /** Excel number formats per kind; percentages are percentage points (12.5 → "12,5 %"). */
    static String numberFormat(Column.Kind kind) {
        return switch (kind) {
            case COUNT -> "#,##0";
            case AMOUNT -> "\"€ \"#,##0.00";
            case PERCENT -> "0.0\" %\"";
            case DAYS, NUMBER, TEXT -> "General";
        };
    }

    /** Excel allows 31 characters and none of : \ / ? * [ ] in a sheet name. */
    static String sheetName(String title) {
        String s = title == null ? "Monitor" : title.replaceAll("[:\\\\/?*\\[\\]]", " ").strip();
        if (s.isEmpty()) {
            s = "Monitor";
        }
        return s.length() > 31 ? s.substring(0, 31).strip() : s;
    }
}
