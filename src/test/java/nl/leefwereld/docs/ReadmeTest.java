package nl.leefwereld.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README stands on its own: every link stays inside the repository and resolves; two set-up commands. */
class ReadmeTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)|`(\\.\\./[^`]*)`");

    @Test
    void everyLinkStaysInsideTheRepositoryAndPointsToAFile() throws IOException {
        for (String doc : List.of("README.md", "docs/DOMAIN.md")) {
            String text = Files.readString(ROOT.resolve(doc));
            assertThat(text).as(doc + " points outside the repository").doesNotContain("../");
            Matcher m = LINK.matcher(text);
            List<String> broken = new ArrayList<>();
            while (m.find()) {
                String target = m.group(1) != null ? m.group(1) : m.group(2);
                if (target.startsWith("http://localhost") || target.startsWith("#")) {
                    continue;
                }
                assertThat(target).as(doc + ": only links into the repository").doesNotStartWith("http");
                Path file = ROOT.resolve(doc).getParent().resolve(target.replaceFirst("#.*$", "")).normalize();
                if (!file.startsWith(ROOT) || !Files.exists(file)) {
                    broken.add(target);
                }
            }
            assertThat(broken).as(doc + ": links to files that do not exist in the repository").isEmpty();
        }
    }

    @Test
    void theReadmeHasExactlyTwoSetUpCommandsAndNamesWhatTheFirstRunDownloads() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^```\\n(.*?)\\n```$", Pattern.DOTALL).matcher(readme);
        while (m.find()) {
            blocks.add(m.group(1).strip());
        }
        assertThat(blocks).containsExactly("./mvnw spring-boot:run", "./mvnw verify");
        assertThat(readme).contains("docs/DOMAIN.md", "/v3/api-docs", "Maven Central", "npm ci", "./data/");
    }
}
