package nl.leefwereld.monitor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/** The XLSX export, opened again with FastExcel's reader and as raw XML. */
class XlsxExportTest {

    private static byte[] xlsx() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxExport.write(TestTables.reach(), "2026 · alle wijken · alle wetten", out);
        return out.toByteArray();
    }

    /** The rows by their 0-based number (the reader skips empty rows). */
    private static Map<Integer, Row> rows(byte[] bytes) throws Exception {
        Map<Integer, Row> rows = new LinkedHashMap<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
            for (Row r : wb.getFirstSheet().read()) {
                rows.put(r.getRowNum() - 1, r);
            }
        }
        return rows;
    }

    private static Cell cell(Map<Integer, Row> rows, int row, int col) {
        return rows.get(row).getCell(col);
    }

    @Test
    void titleFiltersRefreshTimeAndTheTableWithRealNumbers() throws Exception {
        Map<Integer, Row> rows = rows(xlsx());
        assertThat(cell(rows, 0, 0).asString()).isEqualTo("Bereik");
        assertThat(cell(rows, 1, 1).asString()).isEqualTo("2026 · alle wijken · alle wetten");
        assertThat(cell(rows, 2, 1).asString()).isEqualTo("24-11-2026 om 05:30");
        assertThat(cell(rows, 3, 0).asString()).isEqualTo("< 10");
        int h = XlsxExport.HEADER_ROW;
        assertThat(List.of(cell(rows, h, 0).asString(), cell(rows, h, 2).asString(), cell(rows, h, 4).asString()))
                .containsExactly("Wet", "Inwoners", "Kosten");
        Cell residents = cell(rows, h + 1, 2);
        assertThat(residents.getType()).isEqualTo(CellType.NUMBER);
        assertThat(residents.asNumber()).isEqualByComparingTo("123457");
        assertThat(cell(rows, h + 1, 3).asNumber()).isEqualByComparingTo("61.5");
        assertThat(cell(rows, h + 1, 4).asNumber()).isEqualByComparingTo("1234567.89");
        assertThat(cell(rows, h + 5, 6).asNumber()).isEqualByComparingTo("-4.25");
        assertThat(cell(rows, h + 2, 1).getType()).as("a formula in the data stays text").isEqualTo(CellType.STRING);
        assertThat(cell(rows, h + 2, 1).asString()).isEqualTo(TestTables.FORMULA);
        for (int c = 2; c <= 5; c++) {
            assertThat(cell(rows, h + 2, c).getType()).isEqualTo(CellType.STRING);
            assertThat(cell(rows, h + 2, c).asString()).isEqualTo("< 10");
            assertThat(cell(rows, h + 3, c).asString()).isEqualTo("< 10");
        }
        assertThat(cell(rows, h + 4, 1).asString()).isEqualTo("Cliëntondersteuning");
        assertThat(cell(rows, h + 7, 0).asString()).isEqualTo("Een inwoner met twee voorzieningen telt bij beide één keer.");
    }

    @Test
    void noHiddenNumberAnywhereInTheFile() throws Exception {
        Map<String, String> xml = new LinkedHashMap<>();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("monitor", ".xlsx");
        try {
            java.nio.file.Files.write(file, xlsx());
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {   // the central directory, as Excel reads it
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    xml.put(e.getName(), new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
        String sheet = xml.get("xl/worksheets/sheet1.xml");
        assertThat(sheet).as("sheet XML").isNotNull().doesNotContain("<f>");
        List<BigDecimal> numbers = new ArrayList<>();
        Matcher cells = Pattern.compile("<c ([^>]*)>(.*?)</c>").matcher(sheet);
        while (cells.find()) {
            String attrs = cells.group(1);
            Matcher v = Pattern.compile("<v>([^<]*)</v>").matcher(cells.group(2));
            if ((!attrs.contains("t=\"") || attrs.contains("t=\"n\"")) && v.find()) {   // an empty cell (style only) has no value
                numbers.add(new BigDecimal(v.group(1)));
            }
        }
        assertThat(numbers).as("every number cell in the sheet is a visible cell of the table, and each once")
                .usingElementComparator(BigDecimal::compareTo).containsExactlyInAnyOrderElementsOf(TestTables.REACH_NUMBERS);
        String all = String.join("\n", xml.values());
        assertThat(all).contains("&lt; 10");
        assertThat(xml.get("xl/styles.xml")).as("the euro format").contains("€");
    }

    @Test
    void sheetNamesExcelAccepts() {
        assertThat(XlsxExport.sheetName("Tijdigheid: termijnen [per wet] / team?")).isEqualTo("Tijdigheid  termijnen  per wet");
        assertThat(XlsxExport.sheetName("")).isEqualTo("Monitor");
    }
}
