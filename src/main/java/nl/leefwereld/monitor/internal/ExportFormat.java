package nl.leefwereld.monitor.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import nl.leefwereld.monitor.MonitorQuery;
import nl.leefwereld.monitor.MonitorTable;
import nl.leefwereld.monitor.MonitorTable.Cell;
import nl.leefwereld.monitor.MonitorTable.Column;
import nl.leefwereld.shared.TimeConfiguration;

/**
 * How the exports write a monitor cell. Two conventions, one per audience:
 * <ul>
 *   <li>{@link #display}: for people (the council report PDF, the XLSX header block): Dutch notation with thousands
 *       separators and units, "1.234", "€ 1.234,56", "12,5 %".</li>
 *   <li>{@link #csv}: for Dutch Excel and scripts alike: a decimal comma, no thousands separator, no unit
 *       ({@code 1234}, {@code 1234,56}, {@code 12,5}); amounts always with two decimals. The CSV separator is
 *       {@code ;}, so the comma never needs quoting.</li>
 * </ul>
 * A suppressed cell is never a number: it is {@code "< 10"} (the threshold of the table) in every format.
 * Percentages are percentage points (12.5 means 12,5 %), as the monitor's tables hold them.
 */
final class ExportFormat {

    static final Locale NL = Locale.forLanguageTag("nl-NL");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd-MM-yyyy 'om' HH:mm", NL);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy", NL);

    private ExportFormat() {
    }

    /** "< 10" for the table's threshold. */
    static String suppressed(int threshold) {
        return String.format(Locale.ROOT, Cell.SUPPRESSED_TEXT, threshold);
    }

    /** The cell for people: Dutch, with units; "" for an empty cell. */
    static String display(Column column, Cell cell, int threshold) {
        if (cell.suppressed()) {
            return suppressed(threshold);
        }
        if (cell.text() != null) {
            return cell.text();
        }
        BigDecimal n = cell.number();
        if (n == null) {
            return "";
        }
        return switch (column.kind()) {
            case COUNT -> grouped("#,##0").format(n);
            case AMOUNT -> "€ " + grouped("#,##0.00").format(n);
            case PERCENT -> grouped("#,##0.0").format(n) + " %";
            case DAYS -> grouped("#,##0.#").format(n);
            case NUMBER, TEXT -> grouped("#,##0.##").format(n);
        };
    }

    /** The cell for the CSV file: decimal comma, no grouping, no unit; "" for an empty cell. */
    static String csv(Column column, Cell cell, int threshold) {
        if (cell.suppressed()) {
            return suppressed(threshold);
        }
        if (cell.text() != null) {
            return cell.text();
        }
        BigDecimal n = cell.number();
        if (n == null) {
            return "";
        }
        BigDecimal shown = column.kind() == Column.Kind.AMOUNT ? n.setScale(2, RoundingMode.HALF_UP) : plainScale(n);
        return shown.toPlainString().replace('.', ',');
    }

    private static BigDecimal plainScale(BigDecimal n) {
        BigDecimal s = n.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static DecimalFormat grouped(String pattern) {
        DecimalFormat f = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(NL));
        f.setRoundingMode(RoundingMode.HALF_UP);
        f.setParseBigDecimal(true);
        return f;
    }

    /** "24-11-2026 om 05:30" in the municipality's time zone; "nog niet" before the first refresh. */
    static String moment(Instant at) {
        return at == null ? "nog niet" : MOMENT.format(at.atZone(TimeConfiguration.ZONE));
    }

    static String day(Instant at) {
        return DAY.format(at.atZone(TimeConfiguration.ZONE));
    }

    /** The filters in words: "2026 · alle wijken · alle wetten". */
    static String filters(MonitorQuery q, String districtLabel, String teamLabel) {
        StringBuilder s = new StringBuilder().append(q.year());
        s.append(" · ").append(q.district() == null ? "alle wijken" : "wijk " + districtLabel);
        s.append(" · ").append(q.law() == null ? "alle wetten" : MonitorQuery.lawLabel(q.law()));
        if (q.team() != null) {
            s.append(" · team ").append(teamLabel);
        }
        return s.toString();
    }

    /**
     * A file name that says what is in it: {@code monitor-reach-2026-alle-wijken.csv}, {@code
     * monitor-reach-2026-wijk-centrum-wmo.xlsx}. Only a-z, 0-9 and '-', so no header or path can be injected.
     */
    static String fileName(String what, MonitorQuery q, String extension) {
        StringBuilder s = new StringBuilder(what).append('-').append(q.year());
        s.append(q.district() == null ? "-alle-wijken" : "-wijk-" + slug(q.district()));
        if (q.law() != null) {
            s.append('-').append(slug(q.law()));
        }
        if (q.team() != null) {
            s.append("-eigen-team");
        }
        return s.append('.').append(extension).toString();
    }

    static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return s.isEmpty() ? "x" : s.length() > 40 ? s.substring(0, 40) : s;
    }

    /** Whether the column holds numbers (right-aligned, number cells in the XLSX). */
    static boolean numeric(Column column) {
        return column.kind() != Column.Kind.TEXT;
    }

    /** The table's explanation of "< 10", once per export. */
    static String suppressionNote(MonitorTable table) {
        return suppressed(table.threshold()) + " betekent: minder dan " + table.threshold()
                + ". Kleine aantallen tonen we niet, omdat ze naar een persoon of huishouden kunnen wijzen.";
    }
}
