package nl.leefwereld.monitor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.leefwereld.monitor.MonitorQuery;
import org.junit.jupiter.api.Test;

/** The CSV export on a hand-built suppressed table: Excel conventions, "< 10", formula injection, no other numbers. */
class CsvExportTest {

    private static byte[] csv() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvExport.write(TestTables.reach(), out);
        return out.toByteArray();
    }

    @Test
    void utf8WithByteOrderMarkSemicolonsCrlfAndOneHeaderRow() throws Exception {
        byte[] bytes = csv();
        assertThat(Arrays.copyOf(bytes, 3)).as("UTF-8 byte order mark, so Excel reads ë and €").containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n");
        String[] lines = text.split("\r\n");
        assertThat(lines).hasSize(1 + 5);
        assertThat(lines[0]).isEqualTo("Wet;Voorziening;Inwoners;Aandeel;Kosten;Doorlooptijd in dagen;Verschil met vorig jaar");
        assertThat(lines[1]).isEqualTo("Wmo 2015;Hulp bij het huishouden;123457;61,5;1234567,89;12,5;");
        assertThat(lines[4]).as("Dutch characters as they are").isEqualTo("Wmo 2015;Cliëntondersteuning;48;23,9;81234,50;30;");
        assertThat(lines[5]).as("a negative number stays a number (no apostrophe)").isEqualTo("Wmo 2015;Totaal;200813;100;2000000,00;;-4,25");
    }

    @Test
    void suppressedCellsAreLessThanTenAndNothingElse() throws Exception {
        String text = new String(csv(), StandardCharsets.UTF_8);
        String[] lines = text.substring(1).split("\r\n");
        assertThat(lines[2]).endsWith(";< 10;< 10;< 10;< 10;");
        assertThat(lines[3]).isEqualTo("Wmo 2015;\"Begeleiding; groep \"\"Ëlla\"\"\";< 10;< 10;< 10;< 10;");
        int hidden = 0;
        for (String line : lines) {
            hidden += line.split("< 10", -1).length - 1;
        }
        assertThat(hidden).isEqualTo(TestTables.REACH_HIDDEN);
    }

    @Test
    void everyNumberInTheFileIsAVisibleCell() throws Exception {
        String text = new String(csv(), StandardCharsets.UTF_8);
        String body = text.substring(text.indexOf("\r\n") + 2);
        List<BigDecimal> numbers = new ArrayList<>();
        for (String line : body.split("\r\n")) {
            for (String field : line.split(";")) {
                if (field.matches("-?\\d+(,\\d+)?")) {
                    numbers.add(new BigDecimal(field.replace(',', '.')));
                }
            }
        }
        // "< 10" is text; the only digits elsewhere are "2015" in the law's name and the URL in the formula text
        assertThat(numbers).usingElementComparator(BigDecimal::compareTo).containsExactlyInAnyOrderElementsOf(TestTables.REACH_NUMBERS);
        Matcher m = Pattern.compile("\\d+").matcher(body.replace("Wmo 2015", "").replace("< 10", ""));
        List<String> stray = new ArrayList<>();
        while (m.find()) {
            String n = m.group();
            if (TestTables.REACH_NUMBERS.stream().noneMatch(v -> v.toPlainString().replace(".", ",").contains(n)
                    || v.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString().replace(".", ",").contains(n))) {
                stray.add(n);
            }
        }
        assertThat(stray).as("digits that belong to no visible cell").isEmpty();
    }

    @Test
    void formulasAreNeutralised() throws Exception {
        String text = new String(csv(), StandardCharsets.UTF_8);
        assertThat(text).contains(";\"'=HYPERLINK(\"\"http://kwaad.example\"\";\"\"klik\"\")\";");
        assertThat(text).doesNotContain(";=HYPERLINK").doesNotContain(";\"=HYPERLINK");
        for (String f : List.of("=1+1", "+1", "-1+2", "@SUM(A1)", "\tx", "\rx")) {
            assertThat(CsvExport.text(f)).as(f).startsWith("'");
        }
        assertThat(CsvExport.text("Wmo 2015")).isEqualTo("Wmo 2015");
        assertThat(CsvExport.field("a;b")).isEqualTo("\"a;b\"");
        assertThat(CsvExport.field("regel\nregel")).isEqualTo("\"regel\nregel\"");
    }

    @Test
    void fileNameCarriesTheFiltersAndNothingElse() {
        assertThat(ExportFormat.fileName("monitor-reach", new MonitorQuery(2026, null, null, null), "csv"))
                .isEqualTo("monitor-reach-2026-alle-wijken.csv");
        assertThat(ExportFormat.fileName("monitor-reach", new MonitorQuery(2025, "centrum", "WMO", null), "xlsx"))
                .isEqualTo("monitor-reach-2025-wijk-centrum-wmo.xlsx");
        assertThat(ExportFormat.fileName("monitor-money", new MonitorQuery(2026, "../\"x\r\nSet-Cookie: a", null, java.util.UUID.randomUUID()), "csv"))
                .isEqualTo("monitor-money-2026-wijk-x-set-cookie-a-eigen-team.csv");
    }
}
