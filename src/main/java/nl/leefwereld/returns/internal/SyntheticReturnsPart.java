package nl.leefwereld.returns.internal;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import nl.leefwereld.returns.ScenarioEvaluation;
import nl.leefwereld.returns.ScenarioLine;
import nl.leefwereld.shared.CopyWriter;
import nl.leefwereld.shared.GenerationContext;
import nl.leefwereld.shared.SyntheticPart;
import org.springframework.stereotype.Component;

/**
 * Synthetic municipality, returns part: the innovation portfolio (the demo's Zoetermeer pilots and Almelo-like
 * projects, with their return models) and case returns for a fifth of the households that had a planning meeting: a
 * reference scenario of what would have happened (out-of-home placement, eviction, debt restructuring... from the
 * seeded price list) against what did happen, priced with the module's own {@link ScenarioEvaluation}; plus the
 * breakthrough view (who was around the household, the yearly cost before and after). The price list itself is seeded
 * by the returns module when the application starts; the lines keep the item code and version 1 they were priced with.
 */
@Component
class SyntheticReturnsPart implements SyntheticPart {

    static final double SHARE_OF_MEETINGS = 0.20;
    private static final String[] TITLES = {"Uithuisplaatsing voorkomen", "Huisuitzetting voorkomen", "Schulden onder controle zonder bewindvoering",
            "Terug naar school in plaats van residentiële zorg"};
    private static final String[][] BREAKTHROUGH = {{"PROFESSIONAL", "Jeugdhulpverlener", "9200"}, {"PROFESSIONAL", "Schuldhulpverlener", "3400"},
            {"PARTY", "Woningcorporatie (incasso)", "1800"}, {"INTERVENTION", "Ambulante gezinsbegeleiding", "14500"},
            {"PROFESSIONAL", "Wijkagent", "1200"}, {"INTERVENTION", "Maatschappelijk werk", "2600"}};

    @Override
    public String name() {
        return "returns";
    }

    @Override
    public java.util.List<String> requires() {
        return java.util.List.of("plan");
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    public List<String> tables() {
        return List.of("project", "project_model_line", "case_return", "case_return_line", "breakthrough_entry");
    }

    @Override
    public void write(GenerationContext ctx) throws SQLException {
        String m = ctx.municipalityCode();
        int n = ctx.households();
        int ref = (int) ctx.referenceDate().toEpochDay();
        int[] meetingDay = ctx.fact("plan.meetingDay", int[].class);
        int[] director = ctx.fact("case.director", int[].class);
        UUID[] userIds = ctx.fact("user.ids", UUID[].class);
        long createdAt = ctx.epochSecond(ctx.referenceDate().minusYears(1), 9 * 3600);

        // The demo municipality may hold the demo portfolio already (project names are unique): then it is kept as it is.
        List<ProjectService.Project> projects = List.of();
        try (java.sql.PreparedStatement s = ctx.connection().prepareStatement("SELECT count(*) FROM project WHERE municipality_code = ?")) {
            s.setString(1, m);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    projects = ReturnsStartup.demoProjects();
                }
            }
        }
        try (CopyWriter w = ctx.copy("project", "municipality_code", "id", "name", "origin", "goal", "status", "period_from", "period_to", "investment",
                "investment_note", "participants", "results", "embedding_plan", "return_kind", "return_method", "reported_return", "reported_return_note",
                "seed_note", "source", "business_as_usual_share", "created_by", "created_at")) {
            for (int i = 0; i < projects.size(); i++) {
                ProjectService.Project p = projects.get(i);
                w.text(m).uuid(ctx.uuid("project", i)).text(p.name()).text(p.origin()).text(p.goal()).text(p.status().name()).date(p.periodFrom())
                        .date(p.periodTo()).text(plain(p.investment())).text(p.investmentNote()).text(p.participants()).text(p.results())
                        .text(p.embeddingPlan()).text(p.returnKind().name()).text(p.returnMethod()).text(plain(p.reportedReturn()))
                        .text(p.reportedReturnNote()).text(p.seedNote()).text(p.source())
                        .text(p.businessAsUsualShare() == null ? "0" : p.businessAsUsualShare().toPlainString()).text("synthetisch")
                        .timestamp(createdAt).endRow();
            }
        }
        try (CopyWriter w = ctx.copy("project_model_line", "municipality_code", "project_id", "position", "kind", "description", "count", "part_time",
                "value_per_leaver", "value_source", "amount", "share", "fte", "rate_per_year", "years")) {
            for (int i = 0; i < projects.size(); i++) {
                List<ProjectService.ModelLine> lines = projects.get(i).lines();
                for (int k = 0; k < lines.size(); k++) {
                    ProjectService.ModelLine l = lines.get(k);
                    w.text(m).uuid(ctx.uuid("project", i)).number(k).text(l.kind().name()).text(l.description()).text(plain(l.count()));
                    if (l.partTime() == null) {
                        w.nul();
                    } else {
                        w.bool(l.partTime());
                    }
                    w.text(plain(l.valuePerLeaver())).text(l.valueSource()).text(plain(l.amount())).text(plain(l.share())).text(plain(l.fte()))
                            .text(plain(l.ratePerYear())).text(plain(l.years())).endRow();
                }
            }
        }
        ctx.progress(projects.size() + " projecten");

        // Reference items: the costly ones (placement, eviction, restructuring); actual: the cheap ones.
        List<SeedPriceList.Item> items = new ArrayList<>(SeedPriceList.ITEMS);
        items.sort(Comparator.comparing(SeedPriceList.Item::amount).reversed().thenComparing(SeedPriceList.Item::code));
        List<SeedPriceList.Item> costly = items.subList(0, Math.max(1, items.size() / 3));
        List<SeedPriceList.Item> cheap = items.subList(items.size() / 2, items.size());

        SplittableRandom random = ctx.random(name());
        long returns = 0;
        long lines = 0;
        List<Object[]> priced = new ArrayList<>();
        try (CopyWriter w = ctx.copy("case_return", "municipality_code", "id", "household_id", "title", "years", "assumptions", "reflection_return",
                "reflection_legitimacy", "reflection_involvement", "meeting_id", "budget_request_id", "reference_total", "actual_total", "created_by",
                "created_at")) {
            for (int h = 0; h < n; h++) {
                if (meetingDay[h] < 0 || director[h] < 0 || random.nextDouble() >= SHARE_OF_MEETINGS) {
                    continue;
                }
                List<ScenarioLine> reference = new ArrayList<>();
                List<ScenarioLine> actual = new ArrayList<>();
                int refLines = 1 + random.nextInt(3);
                for (int i = 0; i < refLines; i++) {
                    reference.add(line(costly.get(random.nextInt(costly.size())), random));
                }
                int actLines = 1 + random.nextInt(2);
                for (int i = 0; i < actLines; i++) {
                    actual.add(line(cheap.get(random.nextInt(cheap.size())), random));
                }
                BigDecimal years = BigDecimal.valueOf(1 + random.nextInt(2));
                ScenarioEvaluation e = ScenarioEvaluation.of(reference, actual, years);
                while (e.referenceTotal().compareTo(e.actualTotal()) <= 0 && reference.size() < 8) {
                    reference.add(line(costly.get(random.nextInt(costly.size())), random));
                    e = ScenarioEvaluation.of(reference, actual, years);
                }
                UUID id = ctx.uuid("case.return", returns++);
                int day = Math.min(ref, meetingDay[h] + 30 + random.nextInt(120));
                w.text(m).uuid(id).uuid(ctx.uuid("household", h)).text(TITLES[random.nextInt(TITLES.length)]).text(years.toPlainString())
                        .text("Zonder de planbijeenkomst was het scenario van de referentie gevolgd; prijzen uit de maatschappelijke prijslijst.")
                        .text("Het netwerk draagt nu wat eerder professionals deden.").text("Past bij de bedoeling van de wet.")
                        .text("De inwoner en het netwerk hebben het plan zelf gemaakt.").uuid(ctx.uuid("meeting", h)).nul()
                        .text(e.referenceTotal().toPlainString()).text(e.actualTotal().toPlainString()).uuid(userIds[director[h]])
                        .timestamp(ctx.epochSecond(LocalDate.ofEpochDay(day), 14 * 3600)).endRow();
                priced.add(new Object[] {id, e, h, day});
            }
        }
        try (CopyWriter w = ctx.copy("case_return_line", "municipality_code", "return_id", "side", "position", "item_code", "item_version", "description",
                "unit", "payer", "unit_price", "quantity", "periods", "amount")) {
            for (Object[] p : priced) {
                for (ScenarioEvaluation.PricedLine l : ((ScenarioEvaluation) p[1]).lines()) {
                    ScenarioLine s = l.line();
                    w.text(m).uuid((UUID) p[0]).text(l.side().name()).number(l.index()).text(s.itemCode()).number(s.itemVersion()).text(s.description())
                            .text(s.unit().name()).text(s.payer().name()).text(s.unitPrice().toPlainString()).text(s.quantity().toPlainString())
                            .text(s.periods().toPlainString()).text(l.amount().toPlainString()).endRow();
                    lines++;
                }
            }
        }
        long entries = 0;
        try (CopyWriter w = ctx.copy("breakthrough_entry", "municipality_code", "id", "household_id", "kind", "name", "yearly_cost_before",
                "remains_after", "yearly_cost_after", "created_by", "created_at")) {
            for (Object[] p : priced) {
                int h = (int) p[2];
                int count = 2 + random.nextInt(3);
                int start = random.nextInt(BREAKTHROUGH.length);
                for (int i = 0; i < count; i++) {
                    String[] b = BREAKTHROUGH[(start + i) % BREAKTHROUGH.length];
                    boolean remains = random.nextInt(3) == 0;
                    BigDecimal before = new BigDecimal(b[2]);
                    BigDecimal after = remains ? before.divide(BigDecimal.valueOf(2 + random.nextInt(3)), 2, java.math.RoundingMode.HALF_UP)
                            : BigDecimal.ZERO;
                    w.text(m).uuid(ctx.uuid("breakthrough", entries++)).uuid(ctx.uuid("household", h)).text(b[0]).text(b[1])
                            .text(before.setScale(2).toPlainString()).bool(remains).text(after.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString())
                            .uuid(userIds[director[h]]).timestamp(ctx.epochSecond(LocalDate.ofEpochDay((int) p[3]), 14 * 3600 + 60 * i)).endRow();
                }
            }
        }
        ctx.progress(returns + " casusrendementen met " + lines + " regels, " + entries + " doorbraakregels");
    }

    private static ScenarioLine line(SeedPriceList.Item item, SplittableRandom r) {
        BigDecimal quantity = BigDecimal.valueOf(1 + (r.nextInt(4) == 0 ? 1 : 0));
        BigDecimal periods = switch (item.unit()) {
            case PER_DAY -> BigDecimal.valueOf(30 + r.nextInt(300));
            case PER_MONTH -> BigDecimal.valueOf(3 + r.nextInt(10));
            default -> BigDecimal.ONE;
        };
        return new ScenarioLine(item.code(), 1, item.name(), item.unit(), item.payer(), item.amount(), quantity, periods);
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
