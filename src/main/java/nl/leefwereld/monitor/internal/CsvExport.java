package nl.leefwereld.monitor.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.leefwereld.monitor.MonitorTable;
import nl.leefwereld.monitor.MonitorTable.Column;
import nl.leefwereld.monitor.MonitorTable.Row;

/**
 * A suppressed monitor table as CSV for Dutch Excel: UTF-8 with a byte order mark (so Excel reads ë and € right),
 * {@code ;} between fields, CRLF between lines, one header row with the column labels and then one line per row.
 * Numbers as {@link ExportFormat#csv}: decimal comma, no thousands separator, no unit. The filters are in the file name,
 * not in the file, so the file stays one clean table.
 *
 * <p>Text that a spreadsheet would run as a formula (a cell starting with {@code = + - @}, a tab or a carriage return)
 * gets a leading apostrophe (OWASP "CSV injection"); numbers are written by this class and never start that way except
 * as a negative number, which stays a number. Lines are written straight to the output as they are made.
 */
final class CsvExport {

    static final String CONTENT_TYPE = "text/csv;charset=UTF-8";
    private static final char SEPARATOR = ';';
    private static final String LINE_END = "\r\n";

    private CsvExport() {
    }

    static void write(MonitorTable table, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 8192);
        w.write('\uFEFF');
        List<Column> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                w.write(SEPARATOR);
            }
            w.write(field(text(columns.get(i).label())));
        }
        w.write(LINE_END);
        for (Row row : table.rows()) {
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    w.write(SEPARATOR);
                }
                Column c = columns.get(i);
                MonitorTable.Cell cell = row.cell(c.key());
                String value = ExportFormat.csv(c, cell, table.threshold());
                // only text from the table can be a formula; a number (even a negative one) and "< 10" are ours
                w.write(field(cell.text() != null && !cell.suppressed() ? text(value) : value));
            }
            w.write(LINE_END);
        }
        w.flush();
    }

    /** Neutralises a spreadsheet formula: a leading = + - @ tab or CR gets an apostrophe in front. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + value : value;
    }

    /** RFC 4180 quoting: a field with the separator, a quote or a line break goes between quotes, quotes doubled. */
    static String field(String value) {
        boolean quote = value.indexOf(SEPARATOR) >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
