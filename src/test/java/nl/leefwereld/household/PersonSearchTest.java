package nl.leefwereld.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.shared.InvalidInputException;
import nl.leefwereld.support.DemoUsers;
import nl.leefwereld.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Search by name, BSN, address and birth date over the demo households (Miranda Bakker, Kastanjelaan 12, 8301 AB, 14-03-1988). */
@IntegrationTest
class PersonSearchTest {

    @Autowired
    Households households;
    @Autowired
    DemoUsers users;
    @Autowired
    JdbcClient jdbc;

    List<String> names(List<PersonMatch> hits) {
        return hits.stream().filter(PersonMatch::accessible).map(m -> m.person().fullName()).toList();
    }

    CurrentUser centrumHaven() {
        return users.current("regisseur");
    }

    @Test
    void byName() {
        assertThat(names(households.search(centrumHaven(), "Miranda Bakker"))).containsExactly("Miranda Bakker");
        assertThat(names(households.search(centrumHaven(), "bakker"))).contains("Miranda Bakker", "Jesse Bakker", "Noor Bakker", "Finn Bakker");
    }

    @Test
    void byBsnWithOrWithoutSpacesAndDots() {
        String bsn = jdbc.sql("SELECT bsn FROM person WHERE first_name = 'Miranda' AND last_name = 'Bakker'").query(String.class).single();
        assertThat(names(households.search(centrumHaven(), bsn))).containsExactly("Miranda Bakker");
        String dotted = bsn.substring(0, 4) + "." + bsn.substring(4, 6) + "." + bsn.substring(6);
        assertThat(names(households.search(centrumHaven(), dotted))).containsExactly("Miranda Bakker");
        assertThatThrownBy(() -> households.search(centrumHaven(), "123456789"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsKey("q"));
    }

    @Test
    void byPostalCodeAndHouseNumber() {
        assertThat(names(households.search(centrumHaven(), "8301AB 12"))).contains("Miranda Bakker", "Finn Bakker").hasSize(4);
        assertThat(names(households.search(centrumHaven(), "8301 ab"))).contains("Miranda Bakker");
        assertThat(names(households.search(centrumHaven(), "8301 AB 99"))).isEmpty();
    }

    @Test
    void byBirthDateInIsoOrDutchOrder() {
        // the same persons in all three notations (other tests' households have random birth dates and may share this one)
        var iso = names(households.search(centrumHaven(), "1988-03-14"));
        assertThat(iso).contains("Miranda Bakker");
        assertThat(names(households.search(centrumHaven(), "14-03-1988"))).isEqualTo(iso);
        assertThat(names(households.search(centrumHaven(), "14-3-1988"))).isEqualTo(iso);
    }

    @Test
    void byStreet() {
        assertThat(names(households.search(centrumHaven(), "Kastanjelaan"))).contains("Miranda Bakker");
    }

    @Test
    void peopleOutsideTheUsersHouseholdsAreOnlyCountedNeverShown() {
        List<PersonMatch> hits = households.search(users.current("regisseur.noord"), "Miranda Bakker");
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).accessible()).isFalse();
        assertThat(hits.get(0).person()).isNull();
        assertThat(hits.get(0).districtName()).isEqualTo("Centrum");
    }

    @Test
    void tooShortOrEmptyQueriesAreRefused() {
        assertThatThrownBy(() -> households.search(centrumHaven(), "a")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> households.search(centrumHaven(), "  ")).isInstanceOf(InvalidInputException.class);
        assertThat(households.search(centrumHaven(), "%_%")).isEmpty();
    }
}
