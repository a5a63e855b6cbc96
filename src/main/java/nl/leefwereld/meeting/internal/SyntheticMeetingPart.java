package nl.leefwereld.meeting.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import nl.leefwereld.shared.CopyWriter;
import nl.leefwereld.shared.GenerationContext;
import nl.leefwereld.shared.SyntheticNames;
import nl.leefwereld.shared.SyntheticPart;
import org.springframework.stereotype.Component;

/**
 * Synthetic municipality, meeting part: the first planning meeting of every plan the plan part marked (about 45 % of
 * plans), with its participants (the resident, a household member, two or three from the network, a professional, the
 * facilitator), who was invited, prepared and came, the agreements that went into the plan's version, and the survey:
 * one single-use invitation per participant who came (only a hash of a token, as the module stores it) and answers from
 * about 55 % of them (five questions, 1-5, mostly 4 and 5; answers never name the participant).
 */
@Component
class SyntheticMeetingPart implements SyntheticPart {

    static final double RESPONSE_RATE = 0.55;
    private static final String[] PLACES = {"Bij de inwoner thuis", "Wijkcentrum De Schakel", "Buurthuis De Linde", "Gemeentehuis, spreekkamer 2"};
    private static final String[] RELATIONS = {"buurvrouw", "zus", "broer", "vriendin", "oom", "moeder", "schoonzus"};
    private static final String[] ORGANISATIONS = {"Schuldhulp Samen", "Jeugdhulp Dichtbij", "Woonstede", "Huisartsenpraktijk De Linde"};
    private static final String[] NETWORK_QUESTIONS = {"SUFFER", "INVOLVED", "HAVE_OPINION", "HAVE_INFLUENCE", "FIND_IMPORTANT"};
    private static final String[] BRINGS = {"Kan op dinsdag en donderdag de kinderen ophalen.", "Wil helpen met de post.", "Kan koken op woensdag.", null};
    private static final String[] OPEN_ANSWERS = {"Fijn dat iedereen aan tafel zat.", "Eindelijk weet ik wat ik kan doen.",
            "Het was spannend, maar goed voorbereid.", "Ik had graag eerder gehoord wat er ging gebeuren."};

    @Override
    public String name() {
        return "meeting";
    }

    @Override
    public java.util.List<String> requires() {
        return java.util.List.of("plan");
    }

    @Override
    public int order() {
        return 80;
    }

    @Override
    public List<String> tables() {
        return List.of("meeting", "meeting_participant", "meeting_agreement", "survey_invitation", "survey_response");
    }

    @Override
    public void write(GenerationContext ctx) throws SQLException {
        new Run(ctx).write();
    }

    /**
     * One run: the facts the tables are written from, and one method per table (so that the JIT compiles each table's
     * loop on its own instead of the whole part once for every loop that becomes hot).
     */
    private final class Run {
        private final GenerationContext ctx;
        private final String m;
        private final int n;
        private final int ref;
        private final int[] meetingDay;
        private final int[] meetingVersion;
        private final String[] fallback;
        private final String[] lowerBound;
        private final int[] agreementOffsets;
        private final String[] agreementKind;
        private final String[] agreementWho;
        private final String[] agreementWhat;
        private final int[] agreementDue;
        private final int[] agreementCheck;
        private final int[] firstPerson;
        private final int[] director;
        private final int[] district;
        private final int[] teamOfDistrict;
        private final int[][] directors;
        private final UUID[] teamIds;
        private final UUID[] userIds;
        private final String[] userNames;
        private final String[] names;
        private final long streamSeed;

        Run(GenerationContext ctx) throws SQLException {
            this.ctx = ctx;
            this.m = ctx.municipalityCode();
            this.n = ctx.households();
            this.ref = (int) ctx.referenceDate().toEpochDay();
            this.meetingDay = ctx.fact("plan.meetingDay", int[].class);
            this.meetingVersion = ctx.fact("plan.meetingVersion", int[].class);
            this.fallback = ctx.fact("plan.meetingFallback", String[].class);
            this.lowerBound = ctx.fact("plan.meetingLowerBound", String[].class);
            this.agreementOffsets = ctx.fact("plan.meetingAgreements", int[].class);
            this.agreementKind = ctx.fact("plan.agreement.kind", String[].class);
            this.agreementWho = ctx.fact("plan.agreement.who", String[].class);
            this.agreementWhat = ctx.fact("plan.agreement.what", String[].class);
            this.agreementDue = ctx.fact("plan.agreement.due", int[].class);
            this.agreementCheck = ctx.fact("plan.agreement.check", int[].class);
            this.firstPerson = ctx.fact("household.firstPerson", int[].class);
            this.director = ctx.fact("case.director", int[].class);
            this.district = ctx.fact("household.district", int[].class);
            this.teamOfDistrict = ctx.fact("district.team", int[].class);
            this.directors = ctx.fact("team.directors", int[][].class);
            this.teamIds = ctx.fact("team.ids", UUID[].class);
            this.userIds = ctx.fact("user.ids", UUID[].class);
            this.userNames = ctx.fact("user.names", String[].class);
            this.names = residentNames(ctx, meetingDay, firstPerson);
            this.streamSeed = ctx.random(name()).nextLong();
        }

        void write() throws SQLException {
            writeMeetings();
            writeParticipants();
            writeAgreements();
            long invitations = writeInvitations();
            long responses = writeResponses();
            ctx.progress(invitations + " uitnodigingen voor de enquête, " + responses + " antwoorden");
        }

        /** The household's meeting, drawn again from its own stream (the same in every table). */
        private Meeting meeting(int h) {
            return new Meeting(streamSeed, h, meetingDay[h], ref, firstPerson);
        }

        private int facilitator(int h) {
            return SyntheticMeetingPart.facilitator(director[h], directors[teamOfDistrict[district[h]]], h);
        }

        private void writeMeetings() throws SQLException {
            long meetings = 0;
            try (CopyWriter w = ctx.copy("meeting", "municipality_code", "id", "household_id", "sequence_no", "facilitator_id", "team_id",
                    "resident_person_id", "created_at", "held_on", "place", "resident_present", "lower_bound", "lower_bound_set_by", "fallback",
                    "result_for_resident", "avoided_costs_note", "avoided_costs_cents", "follow_up_needed", "plan_version", "recorded_at", "recorded_by")) {
                for (int h = 0; h < n; h++) {
                    if (meetingDay[h] < 0) {
                        continue;
                    }
                    Meeting x = meeting(h);
                    int f = facilitator(h);
                    w.text(m).uuid(ctx.uuid("meeting", h)).uuid(ctx.uuid("household", h)).number(1).uuid(userIds[f])
                            .uuid(teamIds[teamOfDistrict[district[h]]]).uuid(ctx.uuid("person", firstPerson[h]))
                            .timestamp(ctx.epochSecond(LocalDate.ofEpochDay(x.created), 10 * 3600)).date(LocalDate.ofEpochDay(x.held))
                            .text(PLACES[x.place]).bool(x.residentPresent).text(lowerBound[h]).text("Regisseur").text(fallback[h])
                            .text("De inwoner weet wie wat doet en wanneer het netwerk weer bij elkaar komt.");
                    if (x.avoidedCents > 0) {
                        w.text("Zonder de afspraken was een uithuisplaatsing of huisuitzetting waarschijnlijk geweest.").number(x.avoidedCents);
                    } else {
                        w.nul().nul();
                    }
                    w.bool(x.followUp).number(meetingVersion[h]).timestamp(ctx.epochSecond(LocalDate.ofEpochDay(x.held + 1), 10 * 3600))
                            .uuid(userIds[f]).endRow();
                    meetings++;
                }
            }
            ctx.progress(meetings + " planbijeenkomsten");
        }

        private void writeParticipants() throws SQLException {
            long participants = 0;
            try (CopyWriter w = ctx.copy("meeting_participant", "municipality_code", "id", "meeting_id", "position", "kind", "name", "relation",
                    "organisation", "email", "question", "named_by", "network_member_id", "person_id", "user_id", "invited_at", "invited_by",
                    "invited_by_user", "prepared", "prepared_on", "brings", "attended", "view_on_situation", "concerns")) {
                for (int h = 0; h < n; h++) {
                    if (meetingDay[h] < 0) {
                        continue;
                    }
                    Meeting x = meeting(h);
                    int f = facilitator(h);
                    UUID meeting = ctx.uuid("meeting", h);
                    for (int i = 0; i < x.participants; i++) {
                        byte kind = x.kind[i];
                        String name = switch (kind) {
                            case Meeting.RESIDENT -> names[firstPerson[h]];
                            case Meeting.HOUSEHOLD_MEMBER -> names[firstPerson[h] + 1];
                            case Meeting.MUNICIPAL -> userNames[f];
                            case Meeting.PROFESSIONAL -> x.name[i] + " (" + ORGANISATIONS[x.organisation[i]] + ")";
                            default -> x.name[i];
                        };
                        if (name == null) {
                            name = "Inwoner";
                        }
                        w.text(m).uuid(ctx.uuid("meeting.participant", h * 8L + i)).uuid(meeting).number(i + 1).text(Meeting.KINDS[kind]).text(name)
                                .text(kind == Meeting.NETWORK ? RELATIONS[x.relation[i]] : null)
                                .text(kind == Meeting.PROFESSIONAL ? ORGANISATIONS[x.organisation[i]] : null)
                                .text(kind == Meeting.NETWORK && x.relation[i] % 2 == 0 ? "netwerk" + h + "." + i + "@mail.example" : null)
                                .text(kind == Meeting.RESIDENT ? "FIND_IMPORTANT" : kind == Meeting.NETWORK ? NETWORK_QUESTIONS[x.relation[i] % NETWORK_QUESTIONS.length]
                                        : kind == Meeting.HOUSEHOLD_MEMBER ? "SUFFER" : "INVOLVED")
                                .nul().nul()
                                .uuid(kind == Meeting.RESIDENT ? ctx.uuid("person", firstPerson[h])
                                        : kind == Meeting.HOUSEHOLD_MEMBER ? ctx.uuid("person", firstPerson[h] + 1) : null)
                                .uuid(kind == Meeting.MUNICIPAL ? userIds[f] : null);
                        if (kind == Meeting.RESIDENT || kind == Meeting.MUNICIPAL) {
                            w.nul().nul().nul();
                        } else {
                            boolean onBehalf = x.onBehalf[i];
                            w.timestamp(ctx.epochSecond(LocalDate.ofEpochDay(x.created + 1 + i % 3), 11 * 3600)).text(onBehalf ? "ON_BEHALF" : "RESIDENT")
                                    .uuid(onBehalf ? userIds[f] : null);
                        }
                        w.bool(x.prepared[i]).date(x.prepared[i] ? LocalDate.ofEpochDay(x.held - 1 - i % 5) : null)
                                .text(x.prepared[i] && kind == Meeting.NETWORK ? BRINGS[x.relation[i] % BRINGS.length] : null).bool(x.attended[i])
                                .text(x.attended[i] && kind != Meeting.MUNICIPAL ? "Het gaat thuis al een tijd niet goed; er moet iets veranderen." : null)
                                .text(x.attended[i] && kind == Meeting.NETWORK && i % 2 == 0 ? "Zorgen over hoe lang het netwerk dit volhoudt." : null)
                                .endRow();
                        participants++;
                    }
                }
            }
            ctx.progress(participants + " deelnemers");
        }

        private void writeAgreements() throws SQLException {
            try (CopyWriter w = ctx.copy("meeting_agreement", "municipality_code", "id", "meeting_id", "position", "who_kind", "who", "what", "due",
                    "check_date")) {
                for (int h = 0; h < n; h++) {
                    for (int a = agreementOffsets[h]; a < agreementOffsets[h + 1]; a++) {
                        w.text(m).uuid(ctx.uuid("meeting.agreement", a)).uuid(ctx.uuid("meeting", h)).number(a - agreementOffsets[h] + 1)
                                .text(agreementKind[a]).text(agreementWho[a]).text(agreementWhat[a]).date(LocalDate.ofEpochDay(agreementDue[a]))
                                .date(LocalDate.ofEpochDay(agreementCheck[a])).endRow();
                    }
                }
            }
        }

        private long writeInvitations() throws SQLException {
            MessageDigest sha;
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            long invitations = 0;
            try (CopyWriter w = ctx.copy("survey_invitation", "municipality_code", "id", "meeting_id", "participant_id", "token_hash", "created_at",
                    "expires_at", "used_at")) {
                for (int h = 0; h < n; h++) {
                    if (meetingDay[h] < 0) {
                        continue;
                    }
                    Meeting x = meeting(h);
                    long recorded = ctx.epochSecond(LocalDate.ofEpochDay(x.held + 1), 10 * 3600);
                    for (int i = 0; i < x.participants; i++) {
                        if (!x.attended[i] || x.kind[i] == Meeting.MUNICIPAL) {
                            continue;
                        }
                        UUID participant = ctx.uuid("meeting.participant", h * 8L + i);
                        String token = ctx.seed() + ":" + participant;
                        String hash = HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8)));
                        w.text(m).uuid(ctx.uuid("survey.invitation", h * 8L + i)).uuid(ctx.uuid("meeting", h)).uuid(participant).text(hash)
                                .timestamp(recorded).timestamp(recorded + 14 * 86_400L);
                        if (x.answered[i] >= 0) {
                            w.timestamp(ctx.epochSecond(LocalDate.ofEpochDay(x.answered[i]), 19 * 3600));
                        } else {
                            w.nul();
                        }
                        w.endRow();
                        invitations++;
                    }
                }
            }
            return invitations;
        }

        private long writeResponses() throws SQLException {
            long responses = 0;
            try (CopyWriter w = ctx.copy("survey_response", "municipality_code", "id", "meeting_id", "answered_on", "prepared_well", "heard",
                    "decided_together", "clear_agreements", "confidence", "open_answer")) {
                for (int h = 0; h < n; h++) {
                    if (meetingDay[h] < 0) {
                        continue;
                    }
                    Meeting x = meeting(h);
                    for (int i = 0; i < x.participants; i++) {
                        if (x.answered[i] < 0) {
                            continue;
                        }
                        w.text(m).uuid(ctx.uuid("survey.response", responses++)).uuid(ctx.uuid("meeting", h)).date(LocalDate.ofEpochDay(x.answered[i]));
                        for (int q = 0; q < 5; q++) {
                            w.number(x.scores[i][q]);
                        }
                        w.text(x.openAnswer[i] >= 0 ? OPEN_ANSWERS[x.openAnswer[i]] : null).endRow();
                    }
                }
            }
            return responses;
        }
    }

    private static int facilitator(int director, int[] teamDirectors, int h) {
        return director >= 0 ? director : teamDirectors[h % teamDirectors.length];
    }

    /** The names of the heads and second members of the households with a meeting, in one query. */
    private static String[] residentNames(GenerationContext ctx, int[] meetingDay, int[] firstPerson) throws SQLException {
        int n = meetingDay.length;
        List<UUID> ids = new ArrayList<>();
        for (int h = 0; h < n; h++) {
            if (meetingDay[h] >= 0) {
                ids.add(ctx.uuid("person", firstPerson[h]));
                if (firstPerson[h + 1] - firstPerson[h] > 1) {
                    ids.add(ctx.uuid("person", firstPerson[h] + 1));
                }
            }
        }
        String[] names = new String[firstPerson[n]];
        long base = ctx.uuid("person", 0).getMostSignificantBits() >>> 32;
        try (PreparedStatement s = ctx.connection().prepareStatement(
                "SELECT id, first_name || ' ' || last_name FROM person WHERE municipality_code = ? AND id = ANY (?)")) {
            s.setFetchSize(10_000);
            s.setString(1, ctx.municipalityCode());
            s.setArray(2, ctx.connection().createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long p = ((rs.getObject(1, UUID.class).getMostSignificantBits() >>> 32) - base) & 0xFFFFFFFFL;
                    if (p < names.length) {
                        names[(int) p] = rs.getString(2);
                    }
                }
            }
        }
        return names;
    }

    /** One household's first planning meeting; the same household always gives the same meeting. */
    private static final class Meeting {
        static final byte RESIDENT = 0, HOUSEHOLD_MEMBER = 1, NETWORK = 2, PROFESSIONAL = 3, MUNICIPAL = 4;
        static final String[] KINDS = {"RESIDENT", "HOUSEHOLD_MEMBER", "NETWORK", "PROFESSIONAL", "MUNICIPAL"};

        final int held;
        final int created;
        final int place;
        final boolean residentPresent;
        final long avoidedCents;
        final boolean followUp;
        final int participants;
        final byte[] kind = new byte[8];
        final String[] name = new String[8];
        final int[] relation = new int[8];
        final int[] organisation = new int[8];
        final boolean[] onBehalf = new boolean[8];
        final boolean[] prepared = new boolean[8];
        final boolean[] attended = new boolean[8];
        final int[] answered = new int[8];
        final int[][] scores = new int[8][5];
        final int[] openAnswer = new int[8];

        Meeting(long streamSeed, int h, int held, int ref, int[] firstPerson) {
            SplittableRandom r = new SplittableRandom(mix(streamSeed + h * 0x9E3779B97F4A7C15L));
            this.held = held;
            created = held - 14 - r.nextInt(15);
            place = r.nextInt(PLACES.length);
            residentPresent = r.nextInt(20) > 0;
            avoidedCents = r.nextInt(10) < 3 ? 200_000 + r.nextInt(3_800_000) : 0;
            followUp = r.nextInt(4) == 0;
            int k = 0;
            kind[k++] = RESIDENT;
            if (firstPerson[h + 1] - firstPerson[h] > 1 && r.nextBoolean()) {
                kind[k++] = HOUSEHOLD_MEMBER;
            }
            int network = 2 + r.nextInt(2);
            for (int i = 0; i < network; i++) {
                kind[k] = NETWORK;
                List<String> first = r.nextBoolean() ? SyntheticNames.FEMALE_FIRST_NAMES : SyntheticNames.MALE_FIRST_NAMES;
                name[k] = first.get(r.nextInt(first.size())) + " " + SyntheticNames.LAST_NAMES.get(r.nextInt(SyntheticNames.LAST_NAMES.size()));
                relation[k++] = r.nextInt(RELATIONS.length);
            }
            if (r.nextInt(10) < 8) {
                kind[k] = PROFESSIONAL;
                name[k] = SyntheticNames.FEMALE_FIRST_NAMES.get(r.nextInt(SyntheticNames.FEMALE_FIRST_NAMES.size())) + " "
                        + SyntheticNames.LAST_NAMES.get(r.nextInt(SyntheticNames.LAST_NAMES.size()));
                organisation[k++] = r.nextInt(ORGANISATIONS.length);
            }
            kind[k++] = MUNICIPAL;
            participants = k;
            for (int i = 0; i < k; i++) {
                onBehalf[i] = r.nextInt(3) == 0;
                prepared[i] = kind[i] != MUNICIPAL && r.nextInt(10) < 7;
                attended[i] = kind[i] == MUNICIPAL || (kind[i] == RESIDENT ? residentPresent : r.nextInt(100) < 85);
                int day = held + 1 + 1 + r.nextInt(10);
                boolean answers = attended[i] && kind[i] != MUNICIPAL && r.nextDouble() < RESPONSE_RATE;
                answered[i] = answers && day <= ref ? day : -1;
                int mood = r.nextInt(10);
                for (int q = 0; q < 5; q++) {
                    int score = mood < 6 ? 4 + r.nextInt(2) : mood < 9 ? 3 + r.nextInt(2) : 1 + r.nextInt(3);
                    scores[i][q] = score;
                }
                openAnswer[i] = r.nextInt(3) == 0 ? r.nextInt(OPEN_ANSWERS.length) : -1;
            }
        }
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
