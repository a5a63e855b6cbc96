package nl.leefwereld.returns.internal;

import java.math.BigDecimal;
import java.util.List;
import nl.leefwereld.returns.Payer;
import nl.leefwereld.returns.PriceUnit;

/**
 * Every item of the brief §5.4 with its source (seed document and line). Where a seed gives a range, the price is the
 * middle of the range and the note says so; where it gives two units ("€35 per day + €13,500"), there are two items.
 */
final class SeedPriceList {

    record Item(String code, String name, PriceUnit unit, String price, Payer payer, String document, String line, String note) {
        BigDecimal amount() {
            return new BigDecimal(price);
        }
    }

    private static final String D000 = "000 Planbijeenkomsten Noordoostpolder";
    private static final String D001 = "001 Uit eigen tuin (Zoetermeer)";
    private static final String D002 = "002 Transformatie sociaal domein Almelo";
    private static final String D004 = "004 Waardendriehoek en maatwerk (Lelystad)";

    static final List<Item> ITEMS = List.of(
            // Youth: the crisis team's price list (001 L586–604)
            new Item("JGD-UHP", "Uithuisplaatsing kind (zonder begeleiding/vergoeding)", PriceUnit.PER_TIME, "40000", Payer.MUNICIPALITY_YOUTH, D001, "L588", null),
            new Item("JGD-UHP-DAG", "Uithuisplaatsing kind: begeleiding en vergoeding per dag", PriceUnit.PER_DAY, "35", Payer.MUNICIPALITY_YOUTH, D001, "L589", "Hoort bij JGD-UHP-INT (€ 13.500 per interventie)"),
            new Item("JGD-UHP-INT", "Uithuisplaatsing kind: begeleiding en vergoeding per interventie", PriceUnit.PER_INTERVENTION, "13500", Payer.MUNICIPALITY_YOUTH, D001, "L589", "Hoort bij JGD-UHP-DAG (€ 35 per dag)"),
            new Item("JGD-VOOGD-JR", "Ontheffing ouderlijk gezag / voogdij (inzet jeugdzorg) per jaar", PriceUnit.PER_YEAR, "5000", Payer.MUNICIPALITY_YOUTH, D001, "L590", null),
            new Item("JGD-VOOGD-TR", "Ontheffing ouderlijk gezag / voogdij (inzet jeugdzorg) per traject", PriceUnit.PER_PROCESS, "25000", Payer.MUNICIPALITY_YOUTH, D001, "L590", null),
            new Item("JGD-RVDK", "Inzet Raad voor de Kinderbescherming (per gezin per jaar)", PriceUnit.PER_YEAR, "3500", Payer.NATIONAL_JUSTICE, D001, "L591", null),
            new Item("JGD-ZORG", "Jeugdzorg zonder uithuisplaatsing", PriceUnit.PER_INTERVENTION, "7500", Payer.MUNICIPALITY_YOUTH, D001, "L592", null),
            new Item("JGD-JB", "Jeugdbescherming", PriceUnit.PER_INTERVENTION, "5400", Payer.MUNICIPALITY_YOUTH, D001, "L593", null),
            new Item("JGD-PLEEG", "Een pleegzorgplaats", PriceUnit.PER_YEAR, "7000", Payer.MUNICIPALITY_YOUTH, D001, "L594", "De bron zegt: per jaar/traject"),
            new Item("JGD-OTS", "Ondertoezichtstelling (OTS) korter dan 1 jaar", PriceUnit.PER_YEAR, "8900", Payer.MUNICIPALITY_YOUTH, D001, "L595", null),
            // Housing (001 L597–604)
            new Item("WON-STROOM", "Afsluiten elektriciteit", PriceUnit.PER_TIME, "790", Payer.OTHER, D001, "L597", "Energieleverancier en netbeheerder"),
            new Item("WON-KLACHT", "Klacht bij de woningcorporatie", PriceUnit.PER_TIME, "300", Payer.HOUSING_CORPORATION, D001, "L598", null),
            new Item("WON-MUTATIE", "Mutatie van een woning (opnieuw verhuren)", PriceUnit.PER_TIME, "1200", Payer.HOUSING_CORPORATION, D001, "L599", null),
            new Item("WON-UITZET", "Uitzetting uit een huurwoning", PriceUnit.PER_TIME, "6000", Payer.HOUSING_CORPORATION, D001, "L600", null),
            new Item("WON-DEURW", "Deurwaarder bij een ontruiming", PriceUnit.PER_INTERVENTION, "200", Payer.HOUSING_CORPORATION, D001, "L601", null),
            new Item("WON-BEGWON", "Begeleid wonen na uitzetting", PriceUnit.PER_TIME, "50000", Payer.MUNICIPALITY_WMO, D001, "L602", null),
            new Item("WON-VERPL", "Verplaatsen van een probleemgezin", PriceUnit.PER_TIME, "70000", Payer.MUNICIPALITY_WMO, D001, "L603", null),
            new Item("WON-NOOD", "Noodwoning", PriceUnit.PER_MONTH, "400", Payer.MUNICIPALITY_WMO, D001, "L604", null),
            // Noordoostpolder (000)
            new Item("NOP-PGO", "Maatwerktraject praktische gezinsondersteuning", PriceUnit.PER_YEAR, "5500", Payer.MUNICIPALITY_YOUTH, D000, "L56", "Ongeveer (±)"),
            new Item("NOP-BEGWON-KIND", "Begeleid wonen per kind", PriceUnit.PER_YEAR, "63500", Payer.MUNICIPALITY_YOUTH, D000, "L69", "Zonder kosten van GI, rechtbank en juridische bijstand"),
            new Item("NOP-HH", "Maatwerk huishoudelijke hulp", PriceUnit.PER_YEAR, "4500", Payer.MUNICIPALITY_WMO, D000, "L84", "Ongeveer (±)"),
            new Item("NOP-PLEEG-DAG", "Pleegzorg per etmaal", PriceUnit.PER_DAY, "44.04", Payer.MUNICIPALITY_YOUTH, D000, "L104", "Ongeveer € 16.000 per jaar; de besparing komt deels bij de zorgverzekeraar"),
            new Item("NOP-OTS", "Ondertoezichtstelling", PriceUnit.PER_YEAR, "10000", Payer.MUNICIPALITY_YOUTH, D000, "L134", "Zonder kosten van rechtbank en juridische bijstand"),
            // Zoetermeer (001)
            new Item("ZTM-MPG", "Huishouden met multiproblematiek (incl. Participatiewet)", PriceUnit.PER_YEAR, "35000", Payer.MUNICIPALITY_PARTICIPATION, D001, "L777", "Bandbreedte € 30.000–€ 40.000; het midden"),
            new Item("ZTM-AANDACHT", "Aandachtshuishouden", PriceUnit.PER_YEAR, "75000", Payer.MUNICIPALITY_WMO, D001, "L328", "Bandbreedte € 30.000–€ 120.000; het midden"),
            new Item("ZTM-TOP", "Aandachtshuishouden uit de topgroep", PriceUnit.PER_YEAR, "120000", Payer.MUNICIPALITY_WMO, D001, "L328", "Ongeveer"),
            new Item("ZTM-DETENTIE", "Detentie", PriceUnit.PER_YEAR, "80000", Payer.NATIONAL_JUSTICE, D001, "L328", "Gemiddeld ruim € 80.000"),
            new Item("ZTM-JOPVANG", "Opvang in het kader van de Jeugdwet", PriceUnit.PER_YEAR, "52500", Payer.MUNICIPALITY_YOUTH, D001, "L328", "Bandbreedte € 40.000–€ 65.000; het midden"),
            new Item("ZTM-VERMOGEN", "Behandeling van een vermogensdelict", PriceUnit.PER_TIME, "1400", Payer.NATIONAL_JUSTICE, D001, "L328", null),
            new Item("ZTM-BEDREIG", "Behandeling van een bedreiging", PriceUnit.PER_TIME, "2700", Payer.NATIONAL_JUSTICE, D001, "L328", null),
            new Item("ZTM-MISHAND", "Behandeling van een mishandeling", PriceUnit.PER_TIME, "5500", Payer.NATIONAL_JUSTICE, D001, "L328", null),
            new Item("ZTM-HOSTEL", "Hostel (per nacht)", PriceUnit.PER_DAY, "25", Payer.MUNICIPALITY_WMO, D001, "L681", null),
            // Almelo (002)
            new Item("ALM-BWMO", "Plek beschermd wonen / maatschappelijke opvang", PriceUnit.PER_YEAR, "45000", Payer.MUNICIPALITY_WMO, D002, "L1574", "Bandbreedte € 40.000–€ 50.000; het midden"),
            new Item("ALM-AMBU", "Ambulante begeleiding in een zelfstandige woning", PriceUnit.PER_YEAR, "15000", Payer.MUNICIPALITY_WMO, D002, "L1574", "Besparing per cliënt die uitstroomt ongeveer € 30.000 per jaar"),
            // Lelystad (004)
            new Item("LLS-JVERBLIJF-6M", "Zes maanden jeugdhulp met verblijf", PriceUnit.PER_PROCESS, "39000", Payer.MUNICIPALITY_YOUTH, D004, "L571", "Bandbreedte € 22.000–€ 56.000; het midden"),
            new Item("LLS-UHP4-6M", "Uithuisplaatsing van 4 kinderen voor een half jaar", PriceUnit.PER_PROCESS, "60000", Payer.MUNICIPALITY_YOUTH, D004, "L725", "Ongeveer"),
            new Item("LLS-VERBLIJF2", "Jeugdhulp met verblijf voor 2 kinderen", PriceUnit.PER_YEAR, "160000", Payer.MUNICIPALITY_YOUTH, D004, "L869–870", "Bandbreedte € 120.000–€ 200.000; het midden"),
            new Item("LLS-GEDWONGEN", "Gedwongen plaatsing per kind per half jaar", PriceUnit.PER_PROCESS, "15000", Payer.MUNICIPALITY_YOUTH, D004, "L983", "Ongeveer"),
            new Item("LLS-BAKFIETS", "Elektrische bakfiets", PriceUnit.PER_TIME, "2200", Payer.MUNICIPALITY_WMO, D004, "L680", "Ongeveer"),
            new Item("LLS-FIETSKAR", "Fietskar", PriceUnit.PER_TIME, "450", Payer.MUNICIPALITY_WMO, D004, "L681", "Ongeveer"),
            new Item("LLS-WONINGAANP", "Woningaanpassing", PriceUnit.PER_TIME, "13000", Payer.MUNICIPALITY_WMO, D004, "L1102", "Ongeveer"),
            new Item("LLS-HH", "Huishoudelijke hulp", PriceUnit.PER_YEAR, "2000", Payer.MUNICIPALITY_WMO, D004, "L1104", "Naar schatting"),
            // Eigen Kracht (brief §5.4)
            new Item("EK-CONF", "Eigen Kracht-conferentie", PriceUnit.PER_TIME, "3200", Payer.MUNICIPALITY_WMO, "Brief DOMAIN.md §5.4 (Eigen Kracht)", "§5.4",
                    "Bandbreedte € 1.900–€ 4.500; het midden"),
            new Item("EK-BESPARING", "Gemiddelde besparing per multiprobleemhuishouden na Eigen Kracht (TU Delft 2011)", PriceUnit.PER_PROCESS, "48000",
                    Payer.OTHER, "Brief DOMAIN.md §5.4 (Eigen Kracht)", "§5.4", "Ongeveer"));

    private SeedPriceList() {
    }
}
