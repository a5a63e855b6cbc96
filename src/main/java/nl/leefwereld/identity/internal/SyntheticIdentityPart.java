package nl.leefwereld.identity.internal;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import nl.leefwereld.shared.CopyWriter;
import nl.leefwereld.shared.GenerationContext;
import nl.leefwereld.shared.SyntheticNames;
import nl.leefwereld.shared.SyntheticPart;
import org.springframework.security.crypto.bcrypt.BCrypt;
import org.springframework.stereotype.Component;

/**
 * Synthetic municipality, identity part: the municipality, its districts (one per ~5,000 households, 4 to 400, sizes
 * varying around the mean), one neighbourhood team per two districts, and per team case directors (one per ~35
 * expected cases, at least 2), a team lead and a meeting facilitator. A municipality the generator creates also gets
 * an administrator, a privacy officer and a policy officer. Generated accounts share one password hash (the demo
 * password when the demo is enabled; none otherwise, then they can only log in through OIDC).
 */
@Component
class SyntheticIdentityPart implements SyntheticPart {

    /** Cases a director carries on average, and the share of households known to the social domain (household part). */
    static final int CASES_PER_DIRECTOR = 35;
    static final double KNOWN_SHARE = 0.20;
    static final int HOUSEHOLDS_PER_DISTRICT = 5_000;

    @Override
    public String name() {
        return "identity";
    }

    @Override
    public java.util.List<String> tables() {
        return java.util.List.of("municipality", "district", "team", "team_district", "app_user", "user_role");
    }

    @Override
    public java.util.List<String> requires() {
        return java.util.List.of();
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void write(GenerationContext ctx) throws SQLException {
        SplittableRandom random = ctx.random(name());
        String m = ctx.municipalityCode();
        try (PreparedStatement s = ctx.connection().prepareStatement(
                "INSERT INTO municipality (code, name) VALUES (?, ?) ON CONFLICT (code) DO NOTHING")) {
            s.setString(1, m);
            s.setString(2, ctx.municipalityName());
            s.executeUpdate();
        }
        // A municipality without accounts (the generator may have recorded the municipality for its run already) gets the
        // municipality-wide roles too; the demo municipality has its own.
        boolean newMunicipality;
        try (PreparedStatement s = ctx.connection().prepareStatement("SELECT NOT EXISTS (SELECT 1 FROM app_user WHERE municipality_code = ?)")) {
            s.setString(1, m);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                rs.next();
                newMunicipality = rs.getBoolean(1);
            }
        }
        long created = ctx.epochSecond(ctx.referenceDate().minusYears(5), 9 * 3600);

        int districtCount = Math.max(4, Math.min(400, Math.round(ctx.households() / (float) HOUSEHOLDS_PER_DISTRICT)));
        String[] codes = new String[districtCount];
        double[] weights = new double[districtCount];
        double sum = 0;
        try (CopyWriter w = ctx.copy("district", "municipality_code", "code", "name")) {
            List<String> names = SyntheticNames.DISTRICTS;
            for (int d = 0; d < districtCount; d++) {
                codes[d] = String.format("w%03d", d + 1);
                String name = names.get(d % names.size()) + (d >= names.size() ? " " + (d / names.size() + 1) : "");
                w.text(m).text(codes[d]).text(name).endRow();
                // District sizes vary: log-normal around the mean (most within 0.6x-1.6x).
                weights[d] = Math.exp(0.3 * gaussian(random));
                sum += weights[d];
            }
        }
        for (int d = 0; d < districtCount; d++) {
            weights[d] /= sum;
        }

        int teamCount = (districtCount + 1) / 2;
        UUID[] teamIds = new UUID[teamCount];
        String[] teamNames = new String[teamCount];
        int[] teamOfDistrict = new int[districtCount];
        try (CopyWriter teams = ctx.copy("team", "municipality_code", "id", "name", "created_at")) {
            for (int t = 0; t < teamCount; t++) {
                teamIds[t] = ctx.uuid("team", t);
                teamNames[t] = "Sociaal wijkteam " + (t + 1);
                teams.text(m).uuid(teamIds[t]).text(teamNames[t]).timestamp(created).endRow();
            }
        }
        try (CopyWriter links = ctx.copy("team_district", "municipality_code", "team_id", "district_code")) {
            for (int d = 0; d < districtCount; d++) {
                teamOfDistrict[d] = Math.min(d / 2, teamCount - 1);
                links.text(m).uuid(teamIds[teamOfDistrict[d]]).text(codes[d]).endRow();
            }
        }

        String hash = passwordHash(ctx.accountPassword(), ctx.random("identity.password"));
        List<UUID> ids = new ArrayList<>();
        List<String> usernames = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int[][] directors = new int[teamCount][];
        int[][] members = new int[teamCount][];
        List<String[]> roleRows = new ArrayList<>();
        try (CopyWriter users = ctx.copy("app_user", "municipality_code", "id", "username", "display_name", "email", "password_hash",
                "team_id", "active", "created_at")) {
            // Two COPYs cannot be open at once on one connection: the roles are collected and written after the users.
            for (int t = 0; t < teamCount; t++) {
                double teamWeight = 0;
                for (int d = 0; d < districtCount; d++) {
                    if (teamOfDistrict[d] == t) {
                        teamWeight += weights[d];
                    }
                }
                int directorCount = Math.max(2, (int) Math.ceil(ctx.households() * KNOWN_SHARE * teamWeight / CASES_PER_DIRECTOR));
                directors[t] = new int[directorCount];
                members[t] = new int[directorCount + 2];
                for (int k = 0; k < directorCount; k++) {
                    directors[t][k] = ids.size();
                    members[t][k] = ids.size();
                    addUser(ctx, random, users, roleRows, ids, usernames, names, "regisseur." + (t + 1) + "." + (k + 1), teamIds[t], "CASE_DIRECTOR", hash, created);
                }
                members[t][directorCount] = ids.size();
                addUser(ctx, random, users, roleRows, ids, usernames, names, "teamleider." + (t + 1), teamIds[t], "TEAM_LEAD", hash, created);
                members[t][directorCount + 1] = ids.size();
                addUser(ctx, random, users, roleRows, ids, usernames, names, "procesbegeleider." + (t + 1), teamIds[t], "MEETING_FACILITATOR", hash, created);
            }
            if (newMunicipality) {
                addUser(ctx, random, users, roleRows, ids, usernames, names, "beheer", null, "ADMINISTRATOR", hash, created);
                addUser(ctx, random, users, roleRows, ids, usernames, names, "privacy", null, "PRIVACY_OFFICER", hash, created);
                addUser(ctx, random, users, roleRows, ids, usernames, names, "beleid", null, "POLICY_OFFICER", hash, created);
            }
        }
        try (CopyWriter roles = ctx.copy("user_role", "municipality_code", "user_id", "role")) {
            for (String[] r : roleRows) {
                roles.text(m).text(r[0]).text(r[1]).endRow();
            }
        }
        ctx.publish("districts", codes);
        ctx.publish("district.weight", weights);
        ctx.publish("district.team", teamOfDistrict);
        ctx.publish("team.ids", teamIds);
        ctx.publish("team.names", teamNames);
        ctx.publish("team.directors", directors);
        ctx.publish("team.members", members);
        ctx.publish("user.ids", ids.toArray(UUID[]::new));
        ctx.publish("user.usernames", usernames.toArray(String[]::new));
        ctx.publish("user.names", names.toArray(String[]::new));
        ctx.progress(districtCount + " wijken, " + teamCount + " teams, " + ids.size() + " accounts");
    }

    private static void addUser(GenerationContext ctx, SplittableRandom random, CopyWriter users, List<String[]> roleRows, List<UUID> ids,
                                List<String> usernames, List<String> names, String username, UUID teamId, String role, String hash,
                                long created) throws SQLException {
        UUID id = ctx.uuid("user", ids.size());
        List<String> first = random.nextBoolean() ? SyntheticNames.FEMALE_FIRST_NAMES : SyntheticNames.MALE_FIRST_NAMES;
        String name = first.get(random.nextInt(first.size())) + " " + SyntheticNames.LAST_NAMES.get(random.nextInt(SyntheticNames.LAST_NAMES.size()));
        users.text(ctx.municipalityCode()).uuid(id).text(username).text(name)
                .text(username + "@gemeente" + ctx.municipalityCode() + ".example").text(hash).uuid(teamId).bool(true).timestamp(created).endRow();
        roleRows.add(new String[] {id.toString(), role});
        ids.add(id);
        usernames.add(username);
        names.add(name);
    }

    /** One bcrypt hash for all generated accounts, its salt drawn from the seed (so the table stays identical per seed). */
    static String passwordHash(String password, SplittableRandom random) {
        if (password == null || password.isEmpty()) {
            return null;
        }
        SecureRandom saltSource = new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                random.nextBytes(bytes);
            }
        };
        return "{bcrypt}" + BCrypt.hashpw(password, BCrypt.gensalt(10, saltSource));
    }

    static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
