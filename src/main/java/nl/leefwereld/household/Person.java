package nl.leefwereld.household;

import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;
import nl.leefwereld.shared.Bsn;

public record Person(UUID id, Bsn bsn, String firstName, String lastName, LocalDate birthDate, String street, String houseNumber,
                     String postalCode, String city, String districtCode, String phone, String email) {

    public String fullName() {
        return firstName + " " + lastName;
    }

    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    public String address() {
        return street == null ? "" : street + " " + houseNumber + ", " + postalCode + " " + city;
    }
}
