package nl.leefwereld.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeDescriptionTest {

    @Test
    void namesTypesAndOurFramesButNeverTheMessages() {
        Exception cause = new IllegalStateException("duplicate key (bsn)=(999984822) for Miranda Bakker");
        Exception wrapper = new RuntimeException("could not insert person Miranda Bakker", cause);

        String description = SafeDescription.of(wrapper);

        assertThat(description)
                .startsWith("java.lang.RuntimeException at nl.leefwereld.platform.internal.SafeDescriptionTest.namesTypesAndOurFramesButNeverTheMessages:")
                .contains("<- caused by java.lang.IllegalStateException at nl.leefwereld.")
                .doesNotContain("999984822").doesNotContain("Miranda").doesNotContain("Bakker");
    }

    @Test
    void stopsAtACausalLoop() {
        Exception a = new RuntimeException("a");
        Exception b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(SafeDescription.of(b).split("caused by")).hasSize(5);
    }
}
