package nl.leefwereld.catalog.internal;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.leefwereld.shared.CopyWriter;
import nl.leefwereld.shared.GenerationContext;
import nl.leefwereld.shared.SyntheticPart;
import org.springframework.stereotype.Component;

/**
 * Synthetic municipality, catalog part: the social map of a mid-sized municipality. Providers (contracted and not),
 * general provisions (no decision needed) and the custom provisions (maatwerkvoorzieningen) per law that decisions
 * grant, each with an iWmo 3.2 product category (WMO020), unit (WJ756) and tariff per unit in cents. The database
 * allows only the Wmo product categories 01-18, so youth care and Participatiewet provisions carry the nearest Wmo
 * category (youth: 05/06/10/18, Participatiewet: 10 "overige maatwerk arrangementen") and their own product code.
 *
 * <p>Publishes, indexed by custom-provision number: {@code provision.ids} UUID[], {@code provision.law} byte[]
 * ({@link #JEUGDWET}, {@link #PARTICIPATIEWET}, {@link #WMO}), {@code provision.names} String[], {@code provision.category}
 * String[] and {@code provision.unit} String[] (codes), {@code provision.tariffCents} long[], {@code provision.frequency}
 * String[] (WMO757 code a decision usually uses), {@code provision.provider} UUID[], {@code provision.weight} double[]
 * (share among the ordinary decisions under its law), {@code provision.cost} byte[] (how its cost is set: {@link
 * #COST_VOLUME}, {@link #COST_ROUND_THE_CLOCK}, {@link #COST_MONTHLY}, {@link #COST_ONE_OFF}, {@link #COST_FIXED}) and
 * {@code provision.validFrom} LocalDate.
 */
@Component
class SyntheticCatalogPart implements SyntheticPart {

    static final byte JEUGDWET = 0, PARTICIPATIEWET = 1, WMO = 2;
    /** Extent per period scales with the household's need (hours, day parts, rides). */
    static final byte COST_VOLUME = 0;
    /** 24-hour care: one day-and-night per day, the heavy tail of spending. */
    static final byte COST_ROUND_THE_CLOCK = 1;
    /** An amount in euros per month; the duration scales with the need. */
    static final byte COST_MONTHLY = 2;
    /** A one-off amount in euros (total within the validity). */
    static final byte COST_ONE_OFF = 3;
    /** A fixed product (one trajectory), one piece in total. */
    static final byte COST_FIXED = 4;

    record Provider(String name, String contact, String phone, boolean contracted, Integer waitingWeeks, String tariffs, String capacity) {
    }

    record Custom(byte law, String name, String description, String forWhom, int provider, String category, String productCode, String unit,
                  long tariffCents, String frequency, double weight, byte cost) {
    }

    static final List<Provider> PROVIDERS = List.of(
            new Provider("Zorg Thuis Synthstad", "Wmo-planning", "0800-1000001", true, 2, "Huishoudelijke ondersteuning € 31,50 per uur", "Ruim"),
            new Provider("Huishoudservice Schoon & Zo", "Eigenaar", "0800-1000002", false, null, "€ 33,00 per uur", null),
            new Provider("Begeleiding Op Maat Synthstad", "Intake", "0800-1000003", true, 6, "Begeleiding € 64,80 per uur", "Wachtlijst 6 weken"),
            new Provider("Dagbesteding De Schakel Synthstad", "Locatiemanager", "0800-1000004", true, 3, "Dagdeel € 48,90", null),
            new Provider("Hulpmiddelencentrum Synthstad", "Klantenservice", "0800-1000005", true, 1, null, null),
            new Provider("Regiotaxi Synthstad", "Planning", "0800-1000006", true, 0, "€ 18,50 per rit", null),
            new Provider("Respijthuis De Linde", "Coördinator", "0800-1000007", true, 4, "Etmaal € 142,00", "8 bedden"),
            new Provider("Thuiszorg Samen", "Wijkverpleging", "0800-1000008", true, 1, "Persoonlijke verzorging € 56,00 per uur", null),
            new Provider("Beschermd Wonen Regio", "Aanmelding", "0800-1000009", true, 12, "Etmaal € 154,00", "Wachtlijst"),
            new Provider("Opvang De Haven", "Aanmelding", "0800-1000010", true, 2, "Etmaal € 92,00", null),
            new Provider("Jeugdhulp Dichtbij", "Intake jeugd", "0800-1000011", true, 5, "Ambulant € 86,00 per uur", null),
            new Provider("Kind & Jeugd GGZ", "Aanmeldteam", "0800-1000012", true, 14, "€ 1,85 per minuut", "Wachtlijst 14 weken"),
            new Provider("Pleegzorg Midden", "Matching", "0800-1000013", true, 8, "Etmaal € 62,00", null),
            new Provider("Jeugdzorg Plus Residentieel", "Plaatsingen", "0800-1000014", true, 10, "Etmaal € 285,00", "Wachtlijst"),
            new Provider("Gezinshuis De Boomgaard", "Gezinshuisouders", "0800-1000015", true, 6, "Etmaal € 195,00", "4 plaatsen"),
            new Provider("Dagbehandeling De Kikker", "Intake", "0800-1000016", true, 4, "Dagdeel € 96,00", null),
            new Provider("Werkplein Synthstad", "Klantcontact", "0800-1000017", true, 0, null, null),
            new Provider("Re-integratie Vooruit", "Trajectbegeleiding", "0800-1000018", true, 2, "Traject € 3.450,00", null),
            new Provider("Sociaal Werkbedrijf Synthstad", "Beschut werk", "0800-1000019", true, 8, null, "Wachtlijst beschut werk"),
            new Provider("Welzijn Synthstad", "Receptie", "0800-1000020", true, 0, null, null),
            new Provider("Humanitas Synthstad", "Coördinator thuisadministratie", "0800-1000021", false, 3, null, "Vrijwilligers: wachtlijst"),
            new Provider("Voedselbank Synthstad", "Uitgiftepunt", "0800-1000022", false, 0, null, null));

    static final List<Custom> CUSTOM = List.of(
            new Custom(WMO, "Huishoudelijke ondersteuning", "Ondersteuning bij het voeren van een schoon en leefbaar huis.",
                    "Inwoners die hun huishouden niet zelf of met hun netwerk kunnen doen", 0, "01", "01A01", "04", 3150, "2", 0.28, COST_VOLUME),
            new Custom(WMO, "Huishoudelijke ondersteuning (niet gecontracteerd)", "Huishoudelijke hulp door een niet-gecontracteerde aanbieder.",
                    null, 1, "01", "01A02", "04", 3300, "2", 0.04, COST_VOLUME),
            new Custom(WMO, "Begeleiding individueel", "Begeleiding bij het regelen van het dagelijks leven, thuis.",
                    "Inwoners die structuur en regie missen", 2, "02", "02A01", "04", 6480, "2", 0.20, COST_VOLUME),
            new Custom(WMO, "Begeleiding groep", "Begeleiding in een groep, per dagdeel.", null, 3, "09", "09A01", "16", 4650, "2", 0.07, COST_VOLUME),
            new Custom(WMO, "Dagbesteding", "Een zinvolle dag in een groep, per dagdeel.", "Ouderen en mensen met een beperking", 3, "07", "07A01",
                    "16", 4890, "2", 0.11, COST_VOLUME),
            new Custom(WMO, "Vervoer (Regiotaxi)", "Ritten met de Regiotaxi naar dagbesteding, familie en winkels.", null, 5, "08", "08A01", "82", 1850,
                    "4", 0.08, COST_VOLUME),
            new Custom(WMO, "Woonvoorziening (woningaanpassing)", "Een aanpassing in huis, zoals een traplift of een aangepaste badkamer.", null, 4,
                    "13", "13A01", "83", 100, "6", 0.06, COST_ONE_OFF),
            new Custom(WMO, "Rolstoel", "Een rolstoel in bruikleen, met onderhoud.", null, 4, "11", "11A01", "83", 100, "6", 0.05, COST_ONE_OFF),
            new Custom(WMO, "Scootmobiel", "Een scootmobiel in bruikleen, met onderhoud.", null, 4, "12", "12A01", "83", 100, "6", 0.04, COST_ONE_OFF),
            new Custom(WMO, "Kortdurend verblijf (respijtzorg)", "Logeren, zodat de mantelzorger even rust heeft.", "Mantelzorgers die overbelast raken",
                    6, "04", "04A01", "14", 14200, "4", 0.04, COST_VOLUME),
            new Custom(WMO, "Persoonlijke verzorging", "Hulp bij wassen en aankleden, in het verlengde van begeleiding.", null, 7, "03", "03A01", "04",
                    5600, "2", 0.03, COST_VOLUME),
            new Custom(WMO, "Beschermd wonen", "Wonen met toezicht en begeleiding, dag en nacht (24-uurszorg).",
                    "Inwoners met psychische problemen die niet zelfstandig kunnen wonen", 8, "15", "15A01", "14", 15400, "1", 0.0, COST_ROUND_THE_CLOCK),
            new Custom(WMO, "Maatschappelijke opvang", "Opvang met begeleiding voor wie dakloos is geworden.", null, 9, "16", "16A01", "14", 9200, "1", 0.0,
                    COST_ROUND_THE_CLOCK),

            new Custom(JEUGDWET, "Jeugdhulp ambulant", "Hulp aan kind en ouders thuis en op school.", "Gezinnen met kinderen tot 18 jaar", 10, "06",
                    "45A48", "04", 8600, "2", 0.45, COST_VOLUME),
            new Custom(JEUGDWET, "Jeugd-GGZ behandeling", "Behandeling door een jeugd-GGZ-aanbieder, per minuut.", "Kinderen met psychische problemen",
                    11, "06", "54001", "01", 185, "2", 0.30, COST_VOLUME),
            new Custom(JEUGDWET, "Dagbehandeling jeugd", "Behandeling in een groep overdag, per dagdeel.", null, 15, "10", "45A51", "16", 9600, "2", 0.15,
                    COST_VOLUME),
            new Custom(JEUGDWET, "Pleegzorg", "Een kind woont (tijdelijk) in een pleeggezin.", null, 12, "05", "40A01", "14", 6200, "2", 0.10, COST_VOLUME),
            new Custom(JEUGDWET, "Jeugdhulp met verblijf (residentieel)", "Wonen en behandeling in een instelling, dag en nacht.", null, 13, "18",
                    "40A12", "14", 28500, "1", 0.0, COST_ROUND_THE_CLOCK),
            new Custom(JEUGDWET, "Gezinshuis", "Wonen in een gezinshuis met professionele gezinshuisouders, dag en nacht.", null, 14, "18", "40A16", "14",
                    19500, "1", 0.0, COST_ROUND_THE_CLOCK),

            new Custom(PARTICIPATIEWET, "Bijstand (levensonderhoud)", "Algemene bijstand voor levensonderhoud, per maand.",
                    "Inwoners zonder voldoende inkomen of vermogen", 16, "10", "P0101", "83", 100, "4", 0.52, COST_MONTHLY),
            new Custom(PARTICIPATIEWET, "Re-integratietraject", "Een traject naar werk met een jobcoach.", "Werkzoekenden in de bijstand", 17, "10",
                    "P0201", "82", 345000, "6", 0.20, COST_FIXED),
            new Custom(PARTICIPATIEWET, "Beschut werk", "Werk in een beschutte omgeving met loonkostensubsidie, per maand.", null, 18, "10", "P0301", "83",
                    100, "4", 0.06, COST_MONTHLY),
            new Custom(PARTICIPATIEWET, "Bijzondere bijstand", "Een vergoeding voor noodzakelijke bijzondere kosten.", null, 16, "10", "P0401", "83", 100,
                    "6", 0.22, COST_ONE_OFF));

    private static final String[][] GENERAL = {
            {"Laagdrempelige inloop met dagopvang", "Ontmoeting, koffie en activiteiten, zonder afspraak.", "Ouderen en anderen die zich eenzaam voelen", "19"},
            {"Maatschappelijk werk", "Hulp bij problemen met geld, relaties, werk of wonen.", "Iedereen vanaf 18 jaar", "19"},
            {"Onafhankelijke cliëntondersteuning", "Een onafhankelijke ondersteuner gaat mee naar het gesprek met de gemeente.",
                    "Iedereen die een melding doet bij de Wmo, Jeugdwet of Participatiewet", "19"},
            {"Thuisadministratie (Humanitas)", "Een vrijwilliger helpt een jaar lang de administratie op orde te krijgen.",
                    "Huishoudens met geldzorgen", "20"},
            {"Mantelzorgconsulent", "Advies, een luisterend oor en respijt voor mantelzorgers.", "Mantelzorgers die het zwaar hebben", "19"},
            {"Voedselbank", "Wekelijks een voedselpakket.", "Huishoudens met weinig geld", "21"},
            {"Opvoedsteunpunt", "Vragen over opvoeden en opgroeien, bij het consultatiebureau en op school.", "Ouders en jongeren", "19"},
            {"Werkplein", "Hulp bij werk zoeken en bij een uitkering (Participatiewet).", "Werkzoekenden en mensen in de bijstand", "16"}};

    @Override
    public String name() {
        return "catalog";
    }

    @Override
    public java.util.List<String> requires() {
        return java.util.List.of("identity");
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public List<String> tables() {
        return List.of("provider", "provision");
    }

    @Override
    public void write(GenerationContext ctx) throws SQLException {
        String m = ctx.municipalityCode();
        LocalDate validFrom = ctx.referenceDate().minusYears(4).withDayOfYear(1);
        long createdAt = ctx.epochSecond(validFrom, 9 * 3600);
        UUID[] providers = new UUID[PROVIDERS.size()];
        try (CopyWriter w = ctx.copy("provider", "municipality_code", "id", "name", "contact", "phone", "email", "contracted", "tariffs", "capacity",
                "waiting_weeks", "last_checked_on", "created_at")) {
            for (int i = 0; i < providers.length; i++) {
                Provider p = PROVIDERS.get(i);
                providers[i] = ctx.uuid("provider", i);
                w.text(m).uuid(providers[i]).text(p.name()).text(p.contact()).text(p.phone())
                        .text("info@" + p.name().toLowerCase().replaceAll("[^a-z]", "") + ".example").bool(p.contracted()).text(p.tariffs())
                        .text(p.capacity());
                if (p.waitingWeeks() == null) {
                    w.nul();
                } else {
                    w.number(p.waitingWeeks());
                }
                w.date(ctx.referenceDate().minusDays(7L * (i % 20))).timestamp(createdAt).endRow();
            }
        }

        int n = CUSTOM.size();
        UUID[] ids = new UUID[n];
        byte[] law = new byte[n];
        String[] names = new String[n];
        String[] category = new String[n];
        String[] unit = new String[n];
        long[] tariff = new long[n];
        String[] frequency = new String[n];
        UUID[] provider = new UUID[n];
        double[] weight = new double[n];
        byte[] cost = new byte[n];
        try (CopyWriter w = ctx.copy("provision", "municipality_code", "id", "kind", "name", "description", "for_whom", "provider_id",
                "district_code", "fee_cents", "fee_per", "product_category", "product_code", "unit", "tariff_cents", "valid_from", "valid_until",
                "created_at")) {
            for (int i = 0; i < GENERAL.length; i++) {
                String[] g = GENERAL[i];
                w.text(m).uuid(ctx.uuid("provision.general", i)).text("GENERAL").text(g[0]).text(g[1]).text(g[2])
                        .uuid(providers[Integer.parseInt(g[3])]).nul().nul().nul().nul().nul().nul().nul().date(validFrom).nul()
                        .timestamp(createdAt).endRow();
            }
            for (int i = 0; i < n; i++) {
                Custom c = CUSTOM.get(i);
                ids[i] = ctx.uuid("provision", i);
                law[i] = c.law();
                names[i] = c.name();
                category[i] = c.category();
                unit[i] = c.unit();
                tariff[i] = c.tariffCents();
                frequency[i] = c.frequency();
                provider[i] = providers[c.provider()];
                weight[i] = c.weight();
                cost[i] = c.cost();
                w.text(m).uuid(ids[i]).text("CUSTOM").text(c.name()).text(c.description()).text(c.forWhom()).uuid(provider[i]).nul().nul().nul()
                        .text(c.category()).text(c.productCode()).text(c.unit()).number(c.tariffCents()).date(validFrom).nul().timestamp(createdAt)
                        .endRow();
            }
        }
        ctx.progress(providers.length + " aanbieders, " + (GENERAL.length + n) + " voorzieningen");

        ctx.publish("provision.ids", ids);
        ctx.publish("provision.law", law);
        ctx.publish("provision.names", names);
        ctx.publish("provision.category", category);
        ctx.publish("provision.unit", unit);
        ctx.publish("provision.tariffCents", tariff);
        ctx.publish("provision.frequency", frequency);
        ctx.publish("provision.provider", provider);
        ctx.publish("provision.weight", weight);
        ctx.publish("provision.cost", cost);
        ctx.publish("provision.validFrom", validFrom);
    }
}
