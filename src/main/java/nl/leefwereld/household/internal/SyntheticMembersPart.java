package nl.leefwereld.household.internal;

import java.sql.SQLException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import nl.leefwereld.shared.CopyWriter;
import nl.leefwereld.shared.GenerationContext;
import nl.leefwereld.shared.SyntheticNames;
import nl.leefwereld.shared.SyntheticPart;
import org.springframework.stereotype.Component;

/**
 * Synthetic municipality, members part: each person's membership of its household with the relation the household part
 * drew, and for the households known to the social domain (20 %) their network (on average two informal and one
 * professional contact, a quarter of the informal ones carers). A part of its own so that it can be written beside the
 * intake part, which needs only the households and persons.
 */
@Component
class SyntheticMembersPart implements SyntheticPart {

    @Override
    public String name() {
        return "members";
    }

    @Override
    public List<String> tables() {
        return List.of("household_member", "network_member");
    }

    @Override
    public List<String> requires() {
        return List.of("person");
    }

    @Override
    public int order() {
        return 25;
    }

    @Override
    public void write(GenerationContext ctx) throws SQLException {
        int n = ctx.households();
        String m = ctx.municipalityCode();
        int[] firstPerson = ctx.fact("household.firstPerson", int[].class);
        boolean[] known = ctx.fact("household.known", boolean[].class);
        long[] since = ctx.fact("household.since", long[].class);
        byte[] relation = ctx.fact("person.relation", byte[].class);

        writeMembers(ctx, m, n, firstPerson, relation);
        writeNetwork(ctx, m, n, known, since);
    }

    // One method per table: the JIT compiles each loop on its own instead of the whole part once per hot loop.

    private static void writeMembers(GenerationContext ctx, String m, int n, int[] firstPerson, byte[] relation) throws SQLException {
        try (CopyWriter w = ctx.copy("household_member", "municipality_code", "household_id", "person_id", "relation")) {
            for (int h = 0; h < n; h++) {
                UUID household = ctx.uuid("household", h);
                for (int p = firstPerson[h]; p < firstPerson[h + 1]; p++) {
                    w.text(m).uuid(household).uuid(ctx.uuid("person", p)).text(SyntheticHouseholdPart.RELATIONS[relation[p]]).endRow();
                }
            }
        }
    }

    private static void writeNetwork(GenerationContext ctx, String m, int n, boolean[] known, long[] since) throws SQLException {
        SplittableRandom net = ctx.random("household.network");
        long network = 0;
        try (CopyWriter w = ctx.copy("network_member", "municipality_code", "id", "household_id", "kind", "name", "relation",
                "organisation", "function", "role", "phone", "email", "informal_carer", "carer_load_note", "created_at")) {
            for (int h = 0; h < n; h++) {
                if (!known[h]) {
                    continue;
                }
                UUID household = ctx.uuid("household", h);
                int informal = SyntheticHouseholdPart.poisson(net, 2.0);
                int professional = SyntheticHouseholdPart.poisson(net, 1.0);
                for (int i = 0; i < informal + professional; i++) {
                    long at = Math.min(since[h] + 86_400L * net.nextInt(60), ctx.epochSecond(ctx.referenceDate(), 9 * 3600));
                    List<String> firstNames = net.nextBoolean() ? SyntheticNames.FEMALE_FIRST_NAMES : SyntheticNames.MALE_FIRST_NAMES;
                    String name = firstNames.get(net.nextInt(firstNames.size())) + " " + SyntheticHouseholdPart.lastName(net);
                    w.text(m).uuid(ctx.uuid("network", network++)).uuid(household);
                    if (i < informal) {
                        boolean carer = net.nextInt(4) == 0;
                        w.text("INFORMAL").text(name).text(SyntheticHouseholdPart.INFORMAL_RELATIONS.get(net.nextInt(SyntheticHouseholdPart.INFORMAL_RELATIONS.size()))).nul().nul()
                                .text(carer ? "mantelzorger" : "denkt mee").text(net.nextBoolean() ? "06" + (10_000_000 + net.nextInt(90_000_000)) : null)
                                .nul().bool(carer).text(carer ? SyntheticHouseholdPart.CARER_NOTES.get(net.nextInt(SyntheticHouseholdPart.CARER_NOTES.size())) : null);
                    } else {
                        String[] org = SyntheticHouseholdPart.PROFESSIONALS.get(net.nextInt(SyntheticHouseholdPart.PROFESSIONALS.size()));
                        w.text("PROFESSIONAL").text(name).nul().text(org[0]).text(org[1]).text("betrokken professional").nul()
                                .nul().bool(false).nul();
                    }
                    w.timestamp(at).endRow();
                }
            }
        }
        ctx.progress(network + " netwerkleden");
    }
}
