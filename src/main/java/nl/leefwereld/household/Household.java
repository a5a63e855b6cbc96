package nl.leefwereld.household;

import java.util.List;
import java.util.UUID;

/** A household with its members and network, as a professional with access sees it. */
public record Household(UUID id, String street, String houseNumber, String postalCode, String city, String districtCode,
                        String districtName, List<Member> members, List<NetworkMember> network) {

    public String address() {
        return street + " " + houseNumber + ", " + postalCode + " " + city;
    }

    /** "Familie De Vries" style name from the head of the household. */
    public String name() {
        return members.stream().filter(m -> m.relation() == Relation.HEAD).findFirst()
                .or(() -> members.stream().findFirst())
                .map(m -> "Huishouden " + m.person().lastName()).orElse("Huishouden");
    }
}
