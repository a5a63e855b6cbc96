package nl.leefwereld.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class ChartsTest {

    private final String svg = Charts.lineChart("grafiek-test", "Ontwikkeling Financiën", "Financiën: 12-01-2026 professional 2, inwoner 3.",
            List.of("12-01-2026", "20-03-2026", "01-06-2026"),
            List.of(new Charts.Series("Professional", List.of(2, 3, 4)), new Charts.Series("Inwoner zelf", Arrays.asList(3, null, 4))),
            340, 220, 1, 5, true);

    @Test
    void isWellFormedSvgWithAnAccessibleNameAndDescription() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        var root = doc.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-labelledby")).isEqualTo("grafiek-test-titel grafiek-test-uitleg");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 340 220");
        assertThat(doc.getElementsByTagNameNS("*", "title").item(0).getTextContent()).isEqualTo("Ontwikkeling Financiën");
        assertThat(doc.getElementsByTagNameNS("*", "desc").item(0).getTextContent()).startsWith("Financiën:");
    }

    @Test
    void readableWithoutColourTheSeriesDifferInLineStyleAndTheLegendNamesThem() {
        assertThat(svg).contains("stroke-dasharray").contains("Professional").contains("Inwoner zelf");
        // every value is printed beside its point
        assertThat(svg).contains(">2<").contains(">3<").contains(">4<");
        // only black, white and the grey grid: nothing that needs colour vision
        Matcher m = Pattern.compile("rgb\\((\\d+),\\s*(\\d+),\\s*(\\d+)\\)|#([0-9a-fA-F]{6})").matcher(svg);
        while (m.find()) {
            int r, g, b;
            if (m.group(4) != null) {
                int v = Integer.parseInt(m.group(4), 16);
                r = v >> 16 & 0xff; g = v >> 8 & 0xff; b = v & 0xff;
            } else {
                r = Integer.parseInt(m.group(1)); g = Integer.parseInt(m.group(2)); b = Integer.parseInt(m.group(3));
            }
            assertThat(r == g && g == b).as("grey, black or white only: " + m.group()).isTrue();
        }
    }

    @Test
    void textIsEscaped() {
        String s = Charts.lineChart("x", "<b>&", "\"", List.of("a"), List.of(new Charts.Series("<s>", List.of(1))), 200, 100, 0, 1, true);
        assertThat(s).contains("&lt;b&gt;&amp;").doesNotContain("<b>").doesNotContain("<s>");
    }
}
