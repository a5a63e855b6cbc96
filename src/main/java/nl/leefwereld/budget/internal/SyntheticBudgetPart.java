package nl.leefwereld.budget.internal;

import java.math.BigInteger;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import nl.leefwereld.budget.BudgetCategory;
import nl.leefwereld.shared.CopyWriter;
import nl.leefwereld.shared.GenerationContext;
import nl.leefwereld.shared.SyntheticPart;
import nl.leefwereld.shared.TimeConfiguration;
import org.springframework.stereotype.Component;

/**
 * Synthetic municipality, budget part: custom-budget requests (maatwerkbudget) for about 8 % of the households with a
 * plan, asked by the household's case director and linked to the plan's first goal, decided by the team under the
 * module's rules (the configured quorum of approvals by other team members; one rejection ends a request), and the
 * approved ones paid in a batch per team and day, made the working day after the decision (a pain.001 file and CSV
 * made by the module's own writer). Recent requests still wait for votes, for a batch or for the payment. Each team has
 * a yearly allowance.
 */
@Component
class SyntheticBudgetPart implements SyntheticPart {

    private static final BudgetCategory[] CATEGORIES = BudgetCategory.values();
    private static final double[] CATEGORY_SHARE = {0.22, 0.20, 0.14, 0.08, 0.07, 0.05, 0.08, 0.09, 0.05, 0.02};
    private static final String[][] PAYEES = {{"Woonstede", "ABNA"}, {"Energie Samen BV", "INGB"}, {"Fietsenmaker Wiel", "RABO"},
            {"Kringloop Synthstad", "SNSB"}, {"Opleidingscentrum Vakwerk", "INGB"}, {"Tandartspraktijk Smile", "RABO"}, {"Sportclub Vooruit", "ABNA"}};
    private static final String[] PURPOSES = {"Huurachterstand van twee maanden aflossen, zodat de huisuitzetting stopt.",
            "Energierekening betalen zodat afsluiting wordt voorkomen.", "Een tweedehands fiets zodat de inwoner naar het werk kan.",
            "Een bed en een kast voor de kinderen.", "Een cursus zodat de inwoner het diploma kan halen.", "Contributie van de sportclub voor de zoon."};

    private final BudgetSettings settings;

    SyntheticBudgetPart(BudgetSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "budget";
    }

    @Override
    public java.util.List<String> requires() {
        return java.util.List.of("plan");
    }

    @Override
    public int order() {
        return 85;
    }

    @Override
    public List<String> tables() {
        return List.of("budget_request", "budget_decision", "budget_batch", "budget_batch_item", "budget_allowance");
    }

    @Override
    public void write(GenerationContext ctx) throws SQLException {
        String m = ctx.municipalityCode();
        int n = ctx.households();
        int ref = (int) ctx.referenceDate().toEpochDay();
        long now = ctx.epochSecond(ctx.referenceDate(), 17 * 3600);
        int[] planDay = ctx.fact("plan.day", int[].class);
        UUID[] firstGoal = ctx.fact("plan.firstGoal", UUID[].class);
        String[] firstGoalLabel = ctx.fact("plan.firstGoalLabel", String[].class);
        int[] director = ctx.fact("case.director", int[].class);
        int[] district = ctx.fact("household.district", int[].class);
        int[] teamOfDistrict = ctx.fact("district.team", int[].class);
        int[][] members = ctx.fact("team.members", int[][].class);
        int[][] directors = ctx.fact("team.directors", int[][].class);
        UUID[] teamIds = ctx.fact("team.ids", UUID[].class);
        UUID[] userIds = ctx.fact("user.ids", UUID[].class);
        String[] usernames = ctx.fact("user.usernames", String[].class);
        int quorum = settings.quorum;

        SplittableRandom r = ctx.random(name());
        List<Request> requests = new ArrayList<>();
        for (int h = 0; h < n; h++) {
            if (planDay[h] < 0 || director[h] < 0 || firstGoal[h] == null || r.nextInt(100) >= 8) {
                continue;
            }
            int team = teamOfDistrict[district[h]];
            int count = r.nextInt(4) == 0 ? 2 : 1;
            for (int i = 0; i < count; i++) {
                int day = planDay[h] + 10 + r.nextInt(200);
                if (day > ref) {
                    continue;
                }
                Request q = new Request();
                q.h = h;
                q.team = team;
                q.requester = director[h];
                q.requestedAt = ctx.epochSecond(LocalDate.ofEpochDay(day), 9 * 3600 + r.nextInt(8 * 3600));
                q.amountCents = Math.max(2_500, Math.min(500_000, Math.round(45_000 * Math.exp(0.8 * r.nextGaussian()))));
                q.category = pick(r.nextDouble());
                q.payee = r.nextInt(4) == 0 ? -1 : r.nextInt(PAYEES.length);
                q.purpose = r.nextInt(PURPOSES.length);
                q.prevented = r.nextInt(3) == 0 ? -1 : q.amountCents * (2 + r.nextInt(10));
                // The votes: other members of the team, each a while after the request.
                int[] pool = members[team];
                List<Integer> voters = new ArrayList<>();
                for (int tries = 0; voters.size() < quorum && tries < 50; tries++) {
                    int u = pool[r.nextInt(pool.length)];
                    if (u != q.requester && !voters.contains(u)) {
                        voters.add(u);
                    }
                }
                boolean reject = r.nextInt(100) < 6;
                long at = q.requestedAt;
                for (int v = 0; v < voters.size(); v++) {
                    at += 1800 + r.nextInt(36 * 3600);
                    if (at > now) {
                        break;
                    }
                    boolean approve = !(reject && v == voters.size() - 1);
                    q.voters.add(voters.get(v));
                    q.votes.add(approve);
                    q.voteAt.add(at);
                    if (!approve) {
                        q.status = "REJECTED";
                        q.decidedAt = at;
                    }
                }
                if (q.status == null) {
                    q.status = q.votes.size() >= quorum ? "APPROVED" : "REQUESTED";
                    q.decidedAt = q.votes.size() >= quorum ? q.voteAt.get(q.voteAt.size() - 1) : 0;
                }
                q.index = requests.size();
                requests.add(q);
            }
        }

        // Batches: per team and day of decision, made at 09:00 the next working day; paid two days later.
        List<Request> approved = new ArrayList<>(requests.stream().filter(q -> "APPROVED".equals(q.status)).toList());
        approved.sort((a, b) -> a.team != b.team ? Integer.compare(a.team, b.team) : a.decidedAt != b.decidedAt
                ? Long.compare(a.decidedAt, b.decidedAt) : Integer.compare(a.index, b.index));
        List<List<Request>> batches = new ArrayList<>();
        List<Long> batchAt = new ArrayList<>();
        for (Request q : approved) {
            LocalDate next = nextWorkingDay(LocalDate.ofInstant(Instant.ofEpochSecond(q.decidedAt), TimeConfiguration.ZONE));
            long at = ctx.epochSecond(next, 9 * 3600);
            if (at > now) {
                continue;
            }
            List<Request> last = batches.isEmpty() ? null : batches.get(batches.size() - 1);
            if (last != null && last.get(0).team == q.team && batchAt.get(batchAt.size() - 1) == at) {
                last.add(q);
            } else {
                List<Request> b = new ArrayList<>();
                b.add(q);
                batches.add(b);
                batchAt.add(at);
            }
            q.batch = batches.size() - 1;
            long paid = ctx.epochSecond(next.plusDays(2), 11 * 3600);
            q.status = paid <= now ? "PAID" : "IN_BATCH";
            q.paidAt = paid <= now ? paid : 0;
        }

        try (CopyWriter w = ctx.copy("budget_request", "municipality_code", "id", "household_id", "team_id", "requested_by", "payee_kind", "payee_name",
                "payee_iban", "invoice_reference", "resident_reason", "amount_cents", "purpose", "category", "problem_solved", "costs_prevented",
                "prevented_cents", "recurrence_prevention", "reflection_return", "reflection_legitimacy", "reflection_involvement", "standard_tried",
                "standard_options", "plan_item_kind", "plan_item_id", "plan_item_label", "status", "requested_at", "decided_at", "paid_at")) {
            for (Request q : requests) {
                boolean resident = q.payee < 0;
                w.text(m).uuid(ctx.uuid("budget.request", q.index)).uuid(ctx.uuid("household", q.h)).uuid(teamIds[q.team]).uuid(userIds[q.requester])
                        .text(resident ? "RESIDENT" : "ORGANISATION").text(payeeName(q)).text(iban(q))
                        .text(reference(q)).text(resident ? "De inwoner heeft de kosten al voorgeschoten; de bon zit in het dossier." : null)
                        .number(q.amountCents).text(PURPOSES[q.purpose]).text(CATEGORIES[q.category].name())
                        .text("Een acuut probleem is opgelost zonder een duur traject.").text("Huisuitzetting of afsluiting met alle gevolgen van dien.");
                if (q.prevented < 0) {
                    w.nul();
                } else {
                    w.number(q.prevented);
                }
                w.text("Afspraken in het plan met het netwerk, zodat het niet opnieuw gebeurt.").text("Goedkoper dan de standaardroute.")
                        .text("Past binnen de bedoeling van het maatwerkbudget.").text("De inwoner heeft zelf meegedacht en draagt een deel.")
                        .bool(q.index % 3 != 0).text(q.index % 3 != 0 ? "Bijzondere bijstand en schuldhulp duren te lang voor dit probleem." : null)
                        .text("GOAL").uuid(firstGoal[q.h]).text(firstGoalLabel[q.h]).text(q.status).timestamp(q.requestedAt);
                if (q.decidedAt > 0) {
                    w.timestamp(q.decidedAt);
                } else {
                    w.nul();
                }
                if (q.paidAt > 0) {
                    w.timestamp(q.paidAt);
                } else {
                    w.nul();
                }
                w.endRow();
            }
        }

        long decisions = 0;
        try (CopyWriter w = ctx.copy("budget_decision", "municipality_code", "request_id", "member_id", "approve", "remark", "decided_at")) {
            for (Request q : requests) {
                for (int v = 0; v < q.voters.size(); v++) {
                    w.text(m).uuid(ctx.uuid("budget.request", q.index)).uuid(userIds[q.voters.get(v)]).bool(q.votes.get(v))
                            .text(q.votes.get(v) ? "Akkoord: dit voorkomt hogere kosten." : "Niet akkoord: eerst de standaardroute proberen.")
                            .timestamp(q.voteAt.get(v)).endRow();
                    decisions++;
                }
            }
        }

        try (CopyWriter w = ctx.copy("budget_batch", "municipality_code", "id", "team_id", "message_id", "created_at", "created_by", "transactions",
                "control_cents", "pain_xml", "csv", "paid_at", "paid_by")) {
            for (int b = 0; b < batches.size(); b++) {
                List<Request> items = batches.get(b);
                UUID id = ctx.uuid("budget.batch", b);
                int team = items.get(0).team;
                OffsetDateTime created = OffsetDateTime.ofInstant(Instant.ofEpochSecond(batchAt.get(b)), TimeConfiguration.ZONE);
                String messageId = "LW" + created.format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + id.toString().replace("-", "").substring(0, 12);
                List<PaymentFiles.Transfer> transfers = items.stream().map(q -> new PaymentFiles.Transfer(
                        PaymentBatches.endToEnd(ctx.uuid("budget.request", q.index)), payeeName(q), iban(q), q.amountCents, reference(q))).toList();
                int lead = directors[team][0];
                w.text(m).uuid(id).uuid(teamIds[team]).text(messageId).timestamp(batchAt.get(b)).text(usernames[lead]).number(transfers.size())
                        .number(PaymentFiles.controlCents(transfers))
                        .text(PaymentFiles.pain001(messageId, created, created.toLocalDate(), new PaymentFiles.Debtor(settings.debtorName, settings.debtorIban),
                                transfers))
                        .text(PaymentFiles.csv(transfers));
                if (items.get(0).paidAt > 0) {
                    w.timestamp(items.get(0).paidAt).uuid(userIds[lead]);
                } else {
                    w.nul().nul();
                }
                w.endRow();
            }
        }

        try (CopyWriter w = ctx.copy("budget_batch_item", "municipality_code", "batch_id", "request_id")) {
            for (Request q : requests) {
                if (q.batch >= 0) {
                    w.text(m).uuid(ctx.uuid("budget.batch", q.batch)).uuid(ctx.uuid("budget.request", q.index)).endRow();
                }
            }
        }

        int teams = teamIds.length;
        long[] householdsPerTeam = new long[teams];
        for (int h = 0; h < n; h++) {
            householdsPerTeam[teamOfDistrict[district[h]]]++;
        }
        try (CopyWriter w = ctx.copy("budget_allowance", "municipality_code", "team_id", "year", "amount_cents", "set_by", "set_at")) {
            int year = ctx.referenceDate().getYear();
            for (int t = 0; t < teams; t++) {
                for (int y = year - 3; y <= year; y++) {
                    // About € 2.50 per household of the team's districts a year, rounded to whole hundreds of euros.
                    long cents = Math.max(100_000, Math.round(householdsPerTeam[t] * 250 / 10_000.0) * 10_000);
                    w.text(m).uuid(teamIds[t]).number(y).number(cents).uuid(userIds[directors[t][0]])
                            .timestamp(ctx.epochSecond(LocalDate.of(y, 1, 5), 9 * 3600)).endRow();
                }
            }
        }
        ctx.progress(requests.size() + " aanvragen maatwerkbudget, " + decisions + " stemmen, " + batches.size() + " betaalbestanden");
    }

    private static final class Request {
        int index;
        int h;
        int team;
        int requester;
        long requestedAt;
        long amountCents;
        int category;
        int payee;
        int purpose;
        long prevented;
        String status;
        long decidedAt;
        long paidAt;
        int batch = -1;
        final List<Integer> voters = new ArrayList<>(2);
        final List<Boolean> votes = new ArrayList<>(2);
        final List<Long> voteAt = new ArrayList<>(2);
    }

    private static String payeeName(Request q) {
        return q.payee < 0 ? "Inwoner (voorgeschoten kosten)" : PAYEES[q.payee][0];
    }

    private static String reference(Request q) {
        return "MB-" + (100_000 + q.index);
    }

    /** A valid Dutch IBAN (mod-97 check digits) for the payee; a resident's account number follows from the request. */
    static String iban(Request q) {
        String bank = q.payee < 0 ? "INGB" : PAYEES[q.payee][1];
        long account = q.payee < 0 ? 1_000_000_000L + q.index * 7_919L % 8_999_999_999L : 1_000_000_000L + q.payee * 1_234_567L;
        String bban = bank + account; // ten digits: the account numbers lie between 1,000,000,000 and 9,999,999,999
        StringBuilder digits = new StringBuilder();
        for (char c : (bban + "NL00").toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        int check = 98 - new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
        return "NL" + (check < 10 ? "0" : "") + check + bban;
    }

    private static int pick(double x) {
        double acc = 0;
        for (int i = 0; i < CATEGORY_SHARE.length; i++) {
            acc += CATEGORY_SHARE[i];
            if (x < acc) {
                return i;
            }
        }
        return CATEGORY_SHARE.length - 1;
    }

    private static LocalDate nextWorkingDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (next.getDayOfWeek().getValue() >= 6) {
            next = next.plusDays(1);
        }
        return next;
    }
}
