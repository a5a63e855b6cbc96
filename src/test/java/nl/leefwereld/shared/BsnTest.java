package nl.leefwereld.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BsnTest {

    /** 9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0 (mod 11). 111222333: 9+8+7+12+10+8+9+6-3 = 66 = 6·11. */
    @ParameterizedTest
    @ValueSource(strings = {"111222333", "123456782", "999984822", "999913438", "010000021"})
    void acceptsNumbersThatPassTheElevenProof(String candidate) {
        assertThat(Bsn.isValid(candidate)).isTrue();
        assertThat(Bsn.parse(candidate).value()).isEqualTo(candidate);
    }

    @ParameterizedTest
    @ValueSource(strings = {"111222334", "123456789", "999984823", "000000000", "12345678", "1234567890", "12345678a", "", "         "})
    void rejectsEverythingElse(String candidate) {
        assertThat(Bsn.isValid(candidate)).isFalse();
        assertThatThrownBy(() -> Bsn.parse(candidate)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toleratesSpacesAndDotsAsPeopleTypeThem() {
        assertThat(Bsn.parse("1112.22.333").value()).isEqualTo("111222333");
        assertThat(Bsn.parse(" 111 222 333 ").value()).isEqualTo("111222333");
    }

    @Test
    void neverPrintsTheNumber() {
        Bsn bsn = Bsn.parse("111222333");
        assertThat(bsn.toString()).doesNotContain("111222333").doesNotContain("333");
        assertThat(bsn.masked()).isEqualTo("******333");
    }

    @Test
    void nullIsInvalid() {
        assertThat(Bsn.isValid(null)).isFalse();
        assertThatThrownBy(() -> Bsn.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
