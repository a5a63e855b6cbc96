package nl.leefwereld.catalog;

import java.util.Arrays;
import java.util.Optional;

/** iWmo 3.2 code list WMO020 (product category). */
public enum ProductCategory {
    C01("01", "Hulp bij het huishouden"),
    C02("02", "Begeleiding"),
    C03("03", "Persoonlijke verzorging"),
    C04("04", "Kortdurend verblijf"),
    C05("05", "Woondiensten"),
    C06("06", "Overige ondersteuning gericht op het individu of huishouden/gezin"),
    C07("07", "Dagbesteding"),
    C08("08", "Vervoerdiensten"),
    C09("09", "Overige groepsgerichte ondersteuning"),
    C10("10", "Overige maatwerk arrangementen"),
    C11("11", "Rolstoelen"),
    C12("12", "Vervoervoorzieningen"),
    C13("13", "Woonvoorzieningen"),
    C14("14", "Overige hulpmiddelen"),
    C15("15", "Beschermd wonen"),
    C16("16", "Opvang"),
    C17("17", "Spoedopvang"),
    C18("18", "Overige beschermd wonen en opvang");

    private final String code;
    private final String label;

    ProductCategory(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<ProductCategory> ofCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
