package nl.leefwereld.catalog.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The social map of the demo municipality "Leefstad": the provisions Meppel (seed 003: MensA, the formulierenbrigade,
 * Humanitas, the mantelzorgconsulente, walk-in day care per district, 24-hour help at a distance, ...) and Almelo (seed
 * 002: the Wmo-loket, the Werkplein, wijkcoaches at the GP practice) name, and the custom provisions of Meppel's Wmo
 * (household help, support, day activities, short stay, personal care, transport, wheelchairs, home adaptations).
 * Loaded once after the demo municipality; never in prod.
 */
@Component
@ConditionalOnProperty(name = "leefwereld.demo.enabled", havingValue = "true")
class CatalogDemo {

    static final String M = "9999";
    private static final Logger log = LoggerFactory.getLogger(CatalogDemo.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Environment environment;

    CatalogDemo(JdbcClient jdbc, Clock clock, TransactionTemplate tx, Environment environment) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = tx;
        this.environment = environment;
    }

    @EventListener(ContextRefreshedEvent.class)
    void load() {
        if (environment.acceptsProfiles(Profiles.of("prod"))
                || jdbc.sql("SELECT count(*) FROM municipality WHERE code = ?").param(M).query(Long.class).single() == 0
                || jdbc.sql("SELECT count(*) FROM provider WHERE municipality_code = ?").param(M).query(Long.class).single() > 0) {
            return;
        }
        tx.executeWithoutResult(s -> loadAll());
        log.info("Demo social map loaded");
    }

    private void loadAll() {
        LocalDate today = LocalDate.now(clock);
        LocalDate yearStart = LocalDate.of(today.getYear(), 1, 1);
        UUID welzijn = provider("Welzijn MensenWerk", "Loket Welzijn", "0522-123456", true, null, today.minusMonths(1), "Inloop en welzijnsactiviteiten: gratis.", null);
        UUID mensa = provider("MensA", "Balie MensA", "0522-234567", true, null, today.minusMonths(2), null, "Open inloop, geen wachtlijst");
        UUID humanitas = provider("Humanitas", "Coördinator thuisadministratie", "0522-345678", false, 3, today.minusMonths(9), null, "Vrijwilligers: wachtlijst");
        UUID zorgThuis = provider("Zorg Thuis Leefstad", "Wmo-planning", "0522-456789", true, 2, today.minusMonths(1), "Hulp bij het huishouden € 28,50 per uur", "Ruim");
        UUID begeleiding = provider("Begeleiding Op Maat", "Intake", "0522-567890", true, 6, today.minusMonths(3), "Begeleiding € 62,40 per uur", "Wachtlijst 6 weken");
        UUID dagbesteding = provider("Dagbesteding De Schakel", "Locatiemanager", "0522-678901", true, null, today.minusMonths(8), "Dagdeel € 48,00", null);
        UUID zzp = provider("Huishoudservice Klein", "Eigenaar", "0522-789012", false, null, today.minusMonths(2), "€ 31,00 per uur", null);
        UUID hulpmiddelen = provider("Hulpmiddelencentrum Noord", "Klantenservice", "0522-890123", true, 1, today.minusMonths(1), null, null);
        UUID gemeente = provider("Gemeente Leefstad", "Klantcontactcentrum", "14 0522", true, 0, today.minusDays(10), null, null);

        general("Laagdrempelige inloop met dagopvang", "Ontmoeting, een kop koffie, een praatje en activiteiten. U bent welkom zonder afspraak.",
                "Ouderen en anderen die zich eenzaam voelen of overdag iets willen doen", welzijn, "noord", null, null, yearStart);
        general("Inloop wijkcentrum Centrum", "Ontmoeting en activiteiten in het wijkcentrum; ook dagopvang.",
                "Inwoners die contact zoeken; eenzame ouderen", welzijn, "centrum", 150L, "per keer (koffie en lunch)", yearStart);
        general("Buurt- en speeltuinwerk", "Activiteiten voor kinderen en ouders in de buurt.", "Gezinnen met kinderen", welzijn, "zuid", null, null, yearStart);
        general("MensA – voedselhulp en ontmoeting", "Maaltijden, kleding en een plek om anderen te ontmoeten.", "Inwoners met weinig geld",
                mensa, "haven", null, null, yearStart);
        general("Formulierenbrigade", "Vrijwilligers helpen met formulieren en brieven.", "Iedereen die hulp nodig heeft bij formulieren",
                humanitas, null, null, null, yearStart);
        general("Thuisadministratie (Humanitas)", "Een vrijwilliger helpt een jaar lang om de administratie op orde te krijgen.",
                "Huishoudens met geldzorgen of een rommelige administratie", humanitas, null, null, null, yearStart);
        general("Mantelzorgconsulente", "Advies, een luisterend oor en respijt voor mantelzorgers.", "Mantelzorgers die het zwaar hebben",
                welzijn, null, null, null, yearStart);
        general("Servicepunt Vrijwilligerswerk", "Vrijwilligerswerk vinden of vrijwilligers vinden.", "Iedereen die iets wil doen voor een ander",
                welzijn, null, null, null, yearStart);
        general("Maatschappelijk werk", "Hulp bij problemen met geld, relaties, werk of wonen.", "Iedereen vanaf 18 jaar", welzijn, null, null, null, yearStart);
        general("Onafhankelijke cliëntondersteuning", "Een onafhankelijke ondersteuner gaat mee naar het gesprek met de gemeente.",
                "Iedereen die een melding doet bij de Wmo, Jeugdwet of Participatiewet", welzijn, null, null, null, yearStart);
        general("24-uurs hulp op afstand (luisterend oor)", "Dag en nacht anoniem een luisterend oor en advies, telefonisch of via chat.",
                "Iedereen", null, null, null, null, yearStart);
        general("Kleine nodenhulp", "Vrijwilligers voor kleine klussen in en om het huis.", "Ouderen en mensen met een beperking", welzijn, "zuid",
                250L, "per klus", yearStart);
        general("Wmo-loket en sociaal wijkteam", "Hier meldt u een vraag over ondersteuning, wonen, werk of opvoeden.",
                "Iedereen met een vraag over zorg en ondersteuning", gemeente, null, null, null, yearStart);
        general("Werkplein", "Hulp bij werk zoeken en bij een uitkering (Participatiewet).", "Werkzoekenden en mensen in de bijstand",
                gemeente, null, null, null, yearStart);
        general("Wijkcoach in de huisartsenpraktijk", "Een wijkcoach houdt spreekuur bij de huisarts, zodat hulp vroeg begint.",
                "Patiënten met vragen over meer dan hun gezondheid", gemeente, "centrum", null, null, yearStart);

        custom("Hulp bij het huishouden", "Ondersteuning bij het voeren van een gestructureerd huishouden.", zorgThuis, "01", "HH01", "04", 2850, yearStart);
        custom("Hulp bij het huishouden (niet gecontracteerd)", "Huishoudelijke hulp door een niet-gecontracteerde aanbieder.", zzp, "01", "HH02", "04", 3100, yearStart);
        custom("Individuele begeleiding", "Begeleiding bij het regelen van het dagelijks leven.", begeleiding, "02", "BG01", "04", 6240, yearStart);
        custom("Persoonlijke verzorging", "Hulp bij wassen en aankleden, in het verlengde van begeleiding.", zorgThuis, "03", "PV01", "04", 5400, yearStart);
        custom("Kortdurend verblijf (respijt)", "Logeren, zodat de mantelzorger even rust heeft.", dagbesteding, "04", "KV01", "14", 14500, yearStart);
        custom("Dagbesteding", "Een zinvolle dag in een groep, per dagdeel.", dagbesteding, "07", "DB01", "16", 4800, yearStart);
        custom("Vervoer naar de dagbesteding", "Vervoer van huis naar de dagbesteding en terug.", dagbesteding, "08", "VV01", "82", 1250, yearStart);
        custom("Rolstoel", "Een rolstoel in bruikleen.", hulpmiddelen, "11", "RS01", "82", 95000, yearStart);
        custom("Woningaanpassing", "Een aanpassing in huis, zoals een traplift of drempelhulp.", hulpmiddelen, "13", "WA01", "83", 100, yearStart);
    }

    private UUID provider(String name, String contact, String phone, boolean contracted, Integer waitingWeeks, LocalDate checked,
                          String tariffs, String capacity) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO provider (municipality_code, id, name, contact, phone, email, contracted, tariffs, capacity, waiting_weeks,
                                      last_checked_on, created_at) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)""")
                .params(M, id, name, contact, phone, contracted, tariffs, capacity, waitingWeeks, checked, OffsetDateTime.now(clock)).update();
        return id;
    }

    private void general(String name, String description, String forWhom, UUID provider, String district, Long feeCents, String feePer,
                         LocalDate from) {
        jdbc.sql("""
                INSERT INTO provision (municipality_code, id, kind, name, description, for_whom, provider_id, district_code, fee_cents, fee_per,
                                       valid_from, created_at) VALUES (?, ?, 'GENERAL', ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(M, UUID.randomUUID(), name, description, forWhom, provider, district, feeCents, feePer, from, OffsetDateTime.now(clock))
                .update();
    }

    private void custom(String name, String description, UUID provider, String category, String code, String unit, long tariffCents, LocalDate from) {
        jdbc.sql("""
                INSERT INTO provision (municipality_code, id, kind, name, description, provider_id, product_category, product_code, unit,
                                       tariff_cents, valid_from, created_at) VALUES (?, ?, 'CUSTOM', ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(M, UUID.randomUUID(), name, description, provider, category, code, unit, tariffCents, from, OffsetDateTime.now(clock))
                .update();
    }
}
