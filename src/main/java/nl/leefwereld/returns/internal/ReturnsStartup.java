package nl.leefwereld.returns.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.leefwereld.returns.ProjectStatus;
import nl.leefwereld.returns.ReturnKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After every module has loaded (the demo municipality included) and before the web server opens: the price list of
 * every municipality is seeded, and the demo municipality gets its portfolio — the Zoetermeer pilots (001) and the
 * eighteen Almelo innovation projects (002 Bijlage 3). Where a seed's figures disagree, the seed's figure is kept and
 * the note says so.
 */
@Component
class ReturnsStartup implements SmartLifecycle {

    static final String DEMO = "9999";
    private static final Logger log = LoggerFactory.getLogger(ReturnsStartup.class);
    private static final String Z = "Zoetermeer (001 Uit eigen tuin)";
    private static final String A = "Almelo (002 Bijlage 3)";

    private final PriceListService prices;
    private final ProjectService projects;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final boolean demo;
    private volatile boolean running;

    ReturnsStartup(PriceListService prices, ProjectService projects, JdbcClient jdbc, TransactionTemplate tx,
                   @Value("${leefwereld.demo.enabled:false}") boolean demo) {
        this.prices = prices;
        this.projects = projects;
        this.jdbc = jdbc;
        this.tx = tx;
        this.demo = demo;
    }

    @Override
    public void start() {
        prices.afterSingletonsInstantiated();
        if (demo && jdbc.sql("SELECT EXISTS (SELECT 1 FROM municipality WHERE code = :m)").param("m", DEMO).query(Boolean.class).single()
                && !jdbc.sql("SELECT EXISTS (SELECT 1 FROM project WHERE municipality_code = :m)").param("m", DEMO).query(Boolean.class).single()) {
            tx.executeWithoutResult(s -> demoProjects().forEach(p -> projects.insert(DEMO, "demo", p)));
            log.info("Loaded the demo portfolio: {} projects", demoProjects().size());
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server (which starts in the last phase). */
    @Override
    public int getPhase() {
        return 0;
    }

    static List<ProjectService.Project> demoProjects() {
        List<ProjectService.Project> out = new ArrayList<>();
        // ---------------------------------------------------------------- Zoetermeer (001)
        out.add(p("Zoveel Meer", Z, "Aandacht, maatwerk en tijd voor cliënten in de bijstand met een grote afstand tot werk (001 L98–108).",
                ProjectStatus.RUNNING, d(2017, 1, 1), d(2018, 12, 31), "105000", null,
                "37 deelnemers sinds 2016 (caseload 30); 29 arbeidsongeschikt beoordeeld.",
                "5 uitgestroomd, 2 deeltijd met aanvullende uitkering; bij 12 deelnemers minder hulp dan in het begin (001 L114–120).",
                "Uitbreiding met twee collega's van de unit Perspectief (Zoveel Meer Perspectief), met onderzoek naar wat werkt (001 L108).",
                ReturnKind.ESTIMATED, "Rendementsschatting over 2 jaar (001 L122–134): uitstroom × € 37.000 × 50%, minder multiproblematiek × 50%, min kosten.",
                "66000", null, null, "001 L122–134", "0.5",
                List.of(ProjectService.ModelLine.leavers("Uitstroom", 5, false, "37000", "001 L127"),
                        ProjectService.ModelLine.leavers("Deeltijd-uitstroom", 2, true, "37000", "001 L127"),
                        ProjectService.ModelLine.saving("12 × vermindering multiproblematiek à € 10.000", "120000", "0.5"),
                        ProjectService.ModelLine.staff("Extra personeelskosten", "0.5", "65000", "2"),
                        ProjectService.ModelLine.yearly("Maatwerkbudget", "20000", "2"))));
        out.add(p("Broedplaats", Z, "Van bijstand naar (kruimel)ondernemerschap, werk of opleiding: sociale coöperatie en ondernemend uit de bijstand (001 L154–158).",
                ProjectStatus.FINISHED, d(2018, 1, 1), d(2018, 12, 31), "110000", null, "86 deelnemers; gemiddeld trede 3,5.",
                "13 uitgestroomd naar werk of opleiding; 22 met deeltijdinkomsten (samen ongeveer € 20.000 in 2018) (001 L188–197).", null,
                ReturnKind.ESTIMATED, "Rendementsschatting 2018 (001 L199–208): 13 × € 33.000 × 50% + € 20.000 × 45% − € 110.000.",
                "113500", null, null, "001 L199–208", "0.5",
                List.of(ProjectService.ModelLine.leavers("Uitstroom", 13, false, "33000", "001 L201"),
                        ProjectService.ModelLine.saving("Deeltijdinkomsten 22 deelnemers, deel verrekend met de uitkering", "20000", "0.45"),
                        ProjectService.ModelLine.cost("Totale kosten", "110000"))));
        out.add(p("Gezondheid & Bewegen", Z, "Een gezonde leefstijl voor cliënten met psychische en lichamelijke klachten: vier maanden sport, training en workshops (001 L227–231).",
                ProjectStatus.FINISHED, d(2018, 1, 1), d(2018, 12, 31), "65500", null, "36 deelnemers in twee groepen (2018).",
                "28 van de 36 een of meer stappen op de participatieladder; 3 uitgestroomd (001 L259–270).", null,
                ReturnKind.ESTIMATED, "Rendementsschatting 2018 (001 L282–290): 3 × € 37.000 × 60% + € 27.500 × 50% − kosten.",
                "14850", null, null, "001 L282–290", "0.4",
                List.of(ProjectService.ModelLine.leavers("Uitstroom", 3, false, "37000", "001 L285"),
                        ProjectService.ModelLine.saving("Maatschappelijke prijslijst (huisarts, POH, psycholoog, GGZ…)", "27500", "0.5"),
                        ProjectService.ModelLine.cost("Kosten", "33000"),
                        ProjectService.ModelLine.staff("Klantmanagement", "0.5", "65000", "1"))));
        out.add(p("IPTA", Z, "Het leven normaliseren van jongeren (16–27) met een hoog risico op ernstige delicten (001 L300–304).",
                ProjectStatus.FINISHED, d(2018, 4, 1), d(2018, 12, 31), "48750", null, "12 jongeren (caseload 10).",
                "6 van de 12 hebben dagbesteding; 3 uitgevallen (001 L320–324).", null, ReturnKind.UNKNOWN,
                "Moeilijk te meten: het gaat om voorkomen ongelukken (001 L326–328).", null, "Onbekend", null, "001 L318–328", "0", List.of()));
        out.add(p("Enjoy Life", Z, "Een wijkgebouw in Oosterheem voor vragen, hulp en spreekuren (001 L346–350).", ProjectStatus.FINISHED,
                d(2018, 6, 1), d(2018, 12, 31), null, "Niet in de bron", null, "Een andere manier van samenwerken tussen professionals en burgers.", null,
                ReturnKind.UNKNOWN, "Laat zich niet gemakkelijk in geld uitdrukken (001 L376–378).", null, "Onbekend", null, "001 L376–378", "0", List.of()));
        out.add(p("Team8tien", Z, "Kwetsbare jongeren die vastlopen in de overgang van de Jeugdwet naar andere wetten (001 L384–388).", ProjectStatus.FINISHED,
                d(2018, 1, 1), d(2018, 12, 31), "107500", null, "36 casussen aangemeld.",
                "26 afgesloten; in 9 gevallen zwerven voorkomen, in 1 geval waarschijnlijk een criminele carrière (001 L413–416).", null,
                ReturnKind.UNKNOWN, "Moeilijk te kwantificeren (001 L429–431).", null, "Onbekend", null, "001 L413–431", "0", List.of()));
        out.add(p("Procescoördinatoren (Proco)", Z, "Minder drukte aan de keukentafel bij multiprobleemhuishoudens (001 L451–455).", ProjectStatus.FINISHED,
                d(2018, 5, 1), d(2018, 12, 31), "158600", null, "58 casussen in behandeling.",
                "Bij 80% minder professionals; drie casussen: zorgkosten per jaar van € 423.000 naar € 148.000 (001 L479–516).", null,
                ReturnKind.ESTIMATED, "Maatschappelijke prijslijst voor drie casussen (001 L489–516): samen € 274.500 per jaar minder.",
                "274500", "per jaar, drie casussen", null, "001 L479–516", "0", List.of()));
        out.add(p("Crisisteam", Z, "Een integrale aanpak van multiproblematiek, vooral ontruimingen voorkomen (001 L544–548).", ProjectStatus.FINISHED,
                d(2017, 1, 1), d(2017, 12, 31), null, "Niet in de bron", "188 zaken in 2017.", "68 ontruimingen voorkomen; 97 situaties gestabiliseerd (001 L573–579).",
                null, ReturnKind.ESTIMATED, "Maatschappelijke prijslijst voor zeven casussen (001 L581–612).", "465880", "zeven casussen", null,
                "001 L581–612", "0", List.of()));
        out.add(p("Aanvoerders", Z, "Het Wijkzorgnetwerk versterken; vastgelopen casuïstiek in beweging krijgen (001 L631–635).", ProjectStatus.FINISHED,
                d(2016, 1, 1), d(2018, 12, 31), null, "Niet in de bron", null, "Ruim 70% van de WZN-leden ziet de meerwaarde (001 L703–707).", null,
                ReturnKind.UNKNOWN, "Geen rendementsberekening in de bron.", null, "Onbekend", null, "001 L701–714", "0", List.of()));
        // ---------------------------------------------------------------- Almelo (002 Bijlage 3, L1528–1590)
        String running = "De bron noemt dit project in uitvoering, maar er is geen borgingsplan. Leefwereld zet het pas op 'loopt' met een borgingsplan.";
        out.add(a("Almelo Pas", "Een lokale munt om bestedingen in de lokale economie te stimuleren.", ProjectStatus.STOPPED_EARLY, "140000", null,
                "Vroegtijdig beëindigd: niet gerealiseerd; de raad stelde geen krediet beschikbaar.", null, ReturnKind.UNKNOWN, null, null, "N.v.t.", null));
        out.add(a("Schulddienstverlening", "Een nieuwe (informele) vorm van schulddienstverlening om duurdere bewindvoering te voorkomen.", ProjectStatus.STOPPED_EARLY,
                "87000", null, "Gestart in 2016, beëindigd in 2017: geen structurele samenwerking en gezamenlijke huisvesting gelukt.", null, ReturnKind.UNKNOWN,
                null, null, "N.v.t.", null));
        out.add(a("Almelo in 10 jaar welvarend", "Hackathons die initiatieven uit de stad verbinden; de kloof tussen werklozen en werkgevers verkleinen.",
                ProjectStatus.PLANNED, "80000", null, "In uitvoering: nieuwe coalities en verbindingen, een bestuurlijk netwerk.", null, ReturnKind.UNKNOWN, null, null,
                "Nog niet bekend", running));
        out.add(a("Nieuwstraatkwartier", "Een langjarige gebiedsaanpak die sociale doelen combineert met klimaat- en energiedoelen.", ProjectStatus.RUNNING, "30000",
                null, "Een programmaplan voor de wijk; concrete projecten met bewoners, zoals zelfbeheer van een leegstaande school.",
                "Programmaplan voor de lange termijn; projecten samen met bewoners.", ReturnKind.UNKNOWN, null, null, "N.v.t.", null));
        out.add(a("Voorliggende voorzieningen: dagbesteding", "Toegankelijke, indicatievrije dagbesteding dichtbij inwoners.", ProjectStatus.RUNNING, "500000",
                null, "50 nieuwe plaatsen (De Klup, Scoop, Soweco); de groei van geïndiceerde dagbesteding ging toch sneller dan de uitstroom.",
                "In 2018 meer plaatsen in de voorliggende voorziening; onderzoek of andere aanbieders een rol kunnen spelen.", ReturnKind.ESTIMATED,
                "Geraamd: een plaats is goedkoper dan geïndiceerde dagbesteding.", "150000", null, null));
        out.add(a("Aanpak Multi-problem gezinnen", "Een doorbraak in de aanpak van gezinnen met multiproblematiek; lagere zorgkosten.", ProjectStatus.FINISHED,
                "120000", null, "Pilot met 25 gezinnen; geschatte besparing op de zorgkosten. Uitbreiding naar 150 gezinnen wordt onderzocht.",
                "Vanaf 2018 voeren de sociale wijkteams de aanpak uit.", ReturnKind.ESTIMATED, "Schatting van de besparing bij 25 gezinnen.", "420000", null,
                "De tekst schat de besparing op € 320.000 per 2018; de kolom Opbrengst zegt € 420.000. Leefwereld houdt het getal van de kolom (€ 420.000)."));
        out.add(a("Versterken voorliggende voorzieningen", "Voorliggende voorzieningen sterker maken.", ProjectStatus.PLANNED, null,
                "Geen aanvullende innovatiemiddelen", "Komt moeilijk van de grond; het beeld veranderde in de offertes voor 2018.", null, ReturnKind.UNKNOWN, null,
                null, "Niet bekend", running));
        out.add(a("Innovatiebudget subsidiepartners", "Een sterke sociale infrastructuur met basisvoorzieningen dichtbij en direct toegankelijk.",
                ProjectStatus.FINISHED, "235000", null, "Subsidies voor innovatie: triage door het wijkteam, kinder-/pubercoach, vrijwilligersacademie.", null,
                ReturnKind.UNKNOWN, null, null, "Niet bekend", null));
        out.add(a("Cultuur", "Cultuur als voorliggende voorziening en middel om participatie te vergroten.", ProjectStatus.PLANNED, "100000", null,
                "Deels afgerond, deels in uitvoering: Studio 15/Talenthouse; Het verzet kraakt (22 voorstellingen, 27.000 bezoekers, 300 vrijwilligers).", null,
                ReturnKind.UNKNOWN, null, null, "PM", "De bron noemt dit project deels afgerond en deels in uitvoering, zonder borgingsplan."));
        out.add(a("Doorontwikkeling toegang", "De toegang tot zorg anders organiseren: betere dienstverlening, meer grip op de kosten.", ProjectStatus.RUNNING,
                "57000", null, "De toegang is geëvalueerd.", "De onderdelen van de toegang komen onder één organisatie onder directe sturing van de gemeente.",
                ReturnKind.UNKNOWN, null, null, "Niet bekend", null));
        out.add(a("Wijkcoach bij huisarts", "Minder onnodige verwijzingen naar specialistische zorg door wijkcoaches in huisartsenpraktijken.",
                ProjectStatus.FINISHED, "60000", null, "Experiment in zes praktijken in 2017, zeer positief; verwachte netto besparing bij uitrol minstens € 300.000.",
                "De werkwijze gaat naar alle huisartsenpraktijken die willen meewerken.", ReturnKind.ESTIMATED, "Geraamde besparing over 2017.", "170000", null,
                null));
        out.add(a("Buddysysteem werkzoekenden", "Werkgevers begeleiden werkzoekenden als buddy.", ProjectStatus.PLANNED, "25000", null,
                "Gestart: één project drie plaatsingen (gaat op een zacht pitje door), het andere beëindigd na één periode.", null, ReturnKind.ESTIMATED,
                "Bespaarde uitkeringen per jaar.", "45000", "per jaar", "De bron noemt dit project gestart, zonder borgingsplan."));
        out.add(a("Ketenaanpak beschermd wonen", "Betere aansluiting van vraag en aanbod in beschermd wonen; uitstroom op gang brengen.", ProjectStatus.PLANNED,
                "50000", null, "Analyse 2016; een plek BW/MO kost € 40.000–50.000 per jaar, ambulante begeleiding € 15.000.", null, ReturnKind.UNKNOWN, null, null,
                "Zie project doorstroming", running));
        out.add(a("Vergroten doorstroming Maatschappelijke Opvang en Beschermd Wonen", "Dakloosheid voorkomen, specialistische zorg afschalen, snel naar gewone huisvesting.",
                ProjectStatus.RUNNING, null, "Geen extra innovatiemiddelen", "Kleinere nachtopvang; 37 uitstroomtrajecten gestart, 6 geplaatst.",
                "In 2018 voortgezet, met een herschikking van voorzieningen en subsidies.", ReturnKind.ESTIMATED, "Besparing door een kleinere nachtopvang.",
                "180000", null, null));
        out.add(a("Menselijke maat", "Een instrument om te meten hoe cliënten de dienstverlening ervaren, voor continue verbetering.", ProjectStatus.FINISHED,
                "55000", null, "Toegepast bij Soweco, Scoop, maatschappelijk werk, sociale wijkteams; eind 2017 ruim 70 mensen met verbeterplannen.", null,
                ReturnKind.UNKNOWN, null, null, "N.v.t.", null));
        out.add(a("Startups/broedplaats", "Een sterkere ondernemersstructuur in het Nieuwstraatkwartier.", ProjectStatus.PLANNED, "90000", null,
                "Gesprekken met ondernemers bijna afgerond; ondernemers verenigen zich.", null, ReturnKind.UNKNOWN, null, null, "Onbekend", running));
        out.add(a("Actieve en vitale sportverenigingen", "Sport en cultuur als inclusieve voorzieningen.", ProjectStatus.FINISHED, "50000", null,
                "Intensieve samenwerking met aanbieders van cultuur en sport.", null, ReturnKind.UNKNOWN, null, null, "Onbekend", null));
        out.add(a("Ontwikkeling en opzet inkoop en subsidiecontractbureau", "Een organisatieonderdeel voor inkoop en subsidies in het sociaal domein.",
                ProjectStatus.RUNNING, "50000", null, "In uitvoering.", "Een vast organisatieonderdeel voor inkoop en subsidieverlening.", ReturnKind.UNKNOWN, null,
                null, "Onbekend", null));
        return out;
    }

    private static ProjectService.Project a(String name, String goal, ProjectStatus status, String investment, String investmentNote, String results,
                                            String plan, ReturnKind kind, String method, String reported, String reportedNote, String note) {
        return p(name, A, goal, status, d(2016, 1, 1), d(2017, 12, 31), investment, investmentNote, null, results, plan, kind,
                method == null ? (kind == ReturnKind.UNKNOWN ? null : "Volgens de bron") : method, reported, reportedNote, note, "002 L1528–1590", "0",
                List.of());
    }

    private static ProjectService.Project p(String name, String origin, String goal, ProjectStatus status, LocalDate from, LocalDate to, String investment,
                                            String investmentNote, String participants, String results, String plan, ReturnKind kind, String method,
                                            String reported, String reportedNote, String seedNote, String source, String bau,
                                            List<ProjectService.ModelLine> lines) {
        return new ProjectService.Project(null, name, origin, goal, status, from, to, investment == null ? null : new BigDecimal(investment),
                investmentNote, participants, results, plan, kind, method, reported == null ? null : new BigDecimal(reported), reportedNote, seedNote,
                source, new BigDecimal(bau), lines);
    }

    private static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }
}
