package nl.leefwereld.household;

public record AddressDraft(String street, String houseNumber, String postalCode, String city, String districtCode) {
}
