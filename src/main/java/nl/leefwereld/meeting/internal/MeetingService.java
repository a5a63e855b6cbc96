package nl.leefwereld.meeting.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.leefwereld.household.Household;
import nl.leefwereld.household.Households;
import nl.leefwereld.household.Member;
import nl.leefwereld.household.NetworkMember;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.Directory;
import nl.leefwereld.identity.Role;
import nl.leefwereld.meeting.AgreementInput;
import nl.leefwereld.meeting.InventoryQuestion;
import nl.leefwereld.meeting.InvitedBy;
import nl.leefwereld.meeting.MeetingRecordDraft;
import nl.leefwereld.meeting.ParticipantDraft;
import nl.leefwereld.meeting.ParticipantKind;
import nl.leefwereld.meeting.RecordedMeeting;
import nl.leefwereld.meeting.RecordingMeeting;
import nl.leefwereld.meeting.SurveyLink;
import nl.leefwereld.plan.AgreementDraft;
import nl.leefwereld.plan.HouseholdPlans;
import nl.leefwereld.plan.MeetingDecisions;
import nl.leefwereld.privacy.AccessPolicy;
import nl.leefwereld.privacy.AuditAction;
import nl.leefwereld.privacy.AuditLog;
import nl.leefwereld.privacy.ConsentPurpose;
import nl.leefwereld.privacy.Consents;
import nl.leefwereld.shared.Amounts;
import nl.leefwereld.shared.FieldErrors;
import nl.leefwereld.shared.InvalidInputException;
import nl.leefwereld.shared.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class MeetingService implements RecordingMeeting {

    static final String CENTRAL_QUESTION = "Wat is ervoor nodig om de situatie te verbeteren?";
    /** Agreement kinds as the household plan knows them, with their Dutch labels. */
    static final Map<String, String> WHO_KINDS = Map.of("HOUSEHOLD_MEMBER", "Gezinslid", "NETWORK_MEMBER", "Iemand uit het netwerk",
            "PROFESSIONAL", "Professional", "ORGANISATION", "Organisatie");

    private final MeetingRepository meetings;
    private final Households households;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Consents consents;
    private final Directory directory;
    private final ObjectProvider<HouseholdPlans> plans;
    private final SurveyService surveys;
    private final Clock clock;

    MeetingService(MeetingRepository meetings, Households households, AccessPolicy access, AuditLog audit, Consents consents,
                   Directory directory, ObjectProvider<HouseholdPlans> plans, SurveyService surveys, Clock clock) {
        this.meetings = meetings;
        this.households = households;
        this.access = access;
        this.audit = audit;
        this.consents = consents;
        this.directory = directory;
        this.plans = plans;
        this.surveys = surveys;
        this.clock = clock;
    }

    /** The meeting, after checking the user may see its household (an unknown id and another municipality's id are both 404). */
    MeetingRepository.MeetingRow requireMeeting(CurrentUser user, UUID meetingId) {
        MeetingRepository.MeetingRow row = meetings.meeting(user.municipalityCode(), meetingId).orElseThrow(() -> new NotFoundException("meeting"));
        access.requireHouseholdAccess(user, row.householdId());
        return row;
    }

    private MeetingRepository.MeetingRow requireOpenMeeting(CurrentUser user, UUID meetingId) {
        MeetingRepository.MeetingRow row = requireMeeting(user, meetingId);
        if (!user.has(Role.MEETING_FACILITATOR)) {
            throw new nl.leefwereld.privacy.NoAccessException(row.householdId());   // only a facilitator leads a meeting (the routes say so too)
        }
        if (row.held()) {
            throw InvalidInputException.of("formulier", "Deze planbijeenkomst is al vastgelegd. Plan zo nodig een vervolgbijeenkomst.");
        }
        return row;
    }

    @Override
    public UUID start(CurrentUser user, UUID householdId, String residentPersonId, String facilitatorId) {
        access.requireHouseholdAccess(user, householdId);
        String m = user.municipalityCode();
        Household h = households.view(user, householdId);
        FieldErrors errors = new FieldErrors();
        UUID facilitator = errors.optionalId("facilitatorId", facilitatorId, "Kies een procesbegeleider uit de lijst.");
        if (facilitator == null && !errors.has("facilitatorId")) {
            if (user.has(Role.MEETING_FACILITATOR)) {
                facilitator = user.id();
            } else {
                errors.add("facilitatorId", "Kies de procesbegeleider die de planbijeenkomst leidt.");
            }
        } else if (facilitator != null && !facilitator.equals(user.id()) && facilitators(user).stream().noneMatch(f -> f.id().equals(FieldErrors.idOrNull(facilitatorId)))) {
            errors.add("facilitatorId", "Kies een procesbegeleider van uw team uit de lijst.");
        }
        UUID resident = errors.optionalId("residentPersonId", residentPersonId, "Kies de inwoner uit de lijst.");
        Optional<Member> member = h.members().stream().filter(x -> x.person().id().equals(resident)).findFirst();
        if (!errors.has("residentPersonId") && member.isEmpty()) {
            errors.add("residentPersonId", "Kies de inwoner om wie het gaat uit de gezinsleden.");
        }
        errors.throwIfAny();
        UUID id = UUID.randomUUID();
        List<MeetingRepository.MeetingRow> earlier = meetings.meetingsOfHousehold(m, householdId);
        int sequence = meetings.nextSequence(m, householdId);
        if (sequence > 20) {
            throw InvalidInputException.of("residentPersonId", "Er zijn al twintig planbijeenkomsten voor dit huishouden.");
        }
        meetings.insertMeeting(m, id, householdId, sequence, facilitator, user.teamId(), resident, OffsetDateTime.now(clock));
        UUID residentParticipant = UUID.randomUUID();
        meetings.insertParticipant(m, residentParticipant, id, ParticipantKind.RESIDENT.name(), member.get().person().fullName(), null, null,
                member.get().person().email(), "RESIDENT", null, null, resident, null);
        if (!earlier.isEmpty()) {
            // A 2nd or 3rd meeting: the participants of the previous one are proposed again (to be invited anew).
            for (MeetingRepository.ParticipantRow p : meetings.participants(m, earlier.get(earlier.size() - 1).id())) {
                if (!ParticipantKind.RESIDENT.name().equals(p.kind())) {
                    meetings.insertParticipant(m, UUID.randomUUID(), id, p.kind(), p.name(), p.relation(), p.organisation(), p.email(),
                            p.question(), null, p.networkMemberId(), p.personId(), p.userId());
                }
            }
        }
        audit.record(user, AuditAction.CREATE, "MEETING", id.toString(), householdId, resident, "planbijeenkomst " + sequence);
        return id;
    }

    /** The facilitators a meeting can be given to: those of the user's own team. */
    List<nl.leefwereld.identity.UserRef> facilitators(CurrentUser user) {
        return user.teamId() == null ? List.of() : directory.members(user.municipalityCode(), user.teamId(), Role.MEETING_FACILITATOR);
    }

    @Override
    public UUID addParticipant(CurrentUser user, UUID meetingId, ParticipantDraft d) {
        MeetingRepository.MeetingRow meeting = requireOpenMeeting(user, meetingId);
        String m = user.municipalityCode();
        FieldErrors errors = new FieldErrors();
        InventoryQuestion question = errors.oneOf("question", d.question(), InventoryQuestion.class, "de vraag waarop dit het antwoord is");
        ParticipantKind kind = errors.oneOf("kind", d.kind(), ParticipantKind.class, "wie het is");
        if (kind == ParticipantKind.RESIDENT) {
            errors.add("kind", "De inwoner zelf staat al bij de deelnemers. Kies wie het is uit de lijst.");
        }
        List<MeetingRepository.ParticipantRow> current = meetings.participants(m, meetingId);
        UUID namedBy = errors.optionalId("namedBy", d.namedBy(), "Kies wie deze persoon noemde uit de lijst.");
        if (namedBy != null && current.stream().noneMatch(p -> p.id().equals(namedBy))) {
            errors.add("namedBy", "Kies wie deze persoon noemde uit de lijst.");
        }
        if (question == InventoryQuestion.THINK_ALONG && namedBy == null && !errors.has("namedBy")) {
            errors.add("namedBy", "Kies wie deze persoon noemde: bij \"wie zou er nog meer mee moeten denken?\" hoort een deelnemer.");
        }
        Household h = households.view(user, meeting.householdId());
        String name = d.name() == null ? "" : d.name().strip();
        UUID networkId = errors.optionalId("networkMemberId", d.networkMemberId(), "Kies iemand uit het netwerk uit de lijst.");
        UUID personId = errors.optionalId("personId", d.personId(), "Kies een gezinslid uit de lijst.");
        UUID userId = errors.optionalId("userId", d.userId(), "Kies een medewerker uit de lijst.");
        String organisation = FieldErrors.trimToNull(d.organisation());
        String email = FieldErrors.trimToNull(d.email());
        String relation = FieldErrors.trimToNull(d.relation());
        NetworkMember network = null;
        if (networkId != null) {
            network = h.network().stream().filter(n -> n.id().equals(networkId)).findFirst().orElse(null);
            if (network == null) {
                errors.add("networkMemberId", "Kies iemand uit het netwerk van dit huishouden.");
            }
        } else if (!name.isEmpty() && (kind == ParticipantKind.NETWORK || kind == ParticipantKind.PROFESSIONAL)) {
            // "linked to the network where known": the same name in the household's network is that person
            String typed = name;
            network = h.network().stream().filter(n -> n.name().equalsIgnoreCase(typed)).findFirst().orElse(null);
        }
        if (personId != null) {
            Optional<Member> member = h.members().stream().filter(x -> x.person().id().equals(personId)).findFirst();
            if (member.isEmpty()) {
                errors.add("personId", "Kies een gezinslid van dit huishouden.");
            } else if (name.isEmpty()) {
                name = member.get().person().fullName();
            }
        }
        if (userId != null) {
            Optional<nl.leefwereld.identity.UserRef> colleague = directory.user(m, userId);
            if (colleague.isEmpty()) {
                errors.add("userId", "Kies een medewerker van de gemeente uit de lijst.");
            } else if (name.isEmpty()) {
                name = colleague.get().displayName();
            }
            if (kind != null && kind != ParticipantKind.MUNICIPAL) {
                errors.add("userId", "Een medewerker van de gemeente hoort bij \"Medewerker van de gemeente\".");
            }
        }
        if (network != null) {
            if (name.isEmpty()) {
                name = network.name();
            }
            organisation = organisation == null ? network.organisation() : organisation;
            relation = relation == null ? (network.relation() != null ? network.relation() : network.function()) : relation;
            email = email == null ? network.email() : email;
        }
        if (kind == ParticipantKind.PROFESSIONAL && organisation == null && !errors.has("kind")) {
            errors.add("organisation", "Vul de organisatie in: daarvoor vraagt u de inwoner om toestemming.");
        }
        errors.required("name", name, "de naam", 150);
        errors.plainText("name", name);
        errors.maxLength("relation", relation, "de relatie", 100).plainText("relation", relation);
        errors.maxLength("organisation", organisation, "de organisatie", 150).plainText("organisation", organisation);
        errors.email("email", email);
        String chosenName = name;
        if (!errors.has("name") && current.stream().anyMatch(p -> p.name().equalsIgnoreCase(chosenName))) {
            errors.add("name", "Deze persoon staat al bij de deelnemers.");
        }
        errors.throwIfAny();
        UUID networkMemberId = network == null ? null : network.id();
        if (network == null && (kind == ParticipantKind.NETWORK || kind == ParticipantKind.PROFESSIONAL)) {
            // Someone named in the inventory joins the household's network: that is where consent to share names them.
            networkMemberId = households.addNetworkMember(user, meeting.householdId(), new nl.leefwereld.household.NetworkDraft(
                    kind == ParticipantKind.PROFESSIONAL ? "PROFESSIONAL" : "INFORMAL", name, kind == ParticipantKind.NETWORK ? relation : null,
                    organisation, kind == ParticipantKind.PROFESSIONAL ? relation : null, "Genoemd bij de inventarisatie voor de planbijeenkomst",
                    null, email, false, null));
        }
        UUID id = UUID.randomUUID();
        meetings.insertParticipant(m, id, meetingId, kind.name(), name, relation, organisation, email, question.name(), namedBy,
                networkMemberId, personId, userId);
        audit.record(user, AuditAction.CREATE, "MEETING_PARTICIPANT", id.toString(), meeting.householdId(), personId, "inventarisatie");
        return id;
    }

    @Override
    public void invite(CurrentUser user, UUID meetingId, UUID participantId, String invitedBy) {
        MeetingRepository.MeetingRow meeting = requireOpenMeeting(user, meetingId);
        String m = user.municipalityCode();
        MeetingRepository.ParticipantRow p = meetings.participant(m, meetingId, participantId).orElseThrow(() -> new NotFoundException("participant"));
        FieldErrors errors = new FieldErrors();
        InvitedBy by = errors.oneOf("invitedBy", invitedBy, InvitedBy.class, "wie uitnodigt");
        if (ParticipantKind.RESIDENT.name().equals(p.kind())) {
            errors.add("invitedBy", "De inwoner is er altijd bij en krijgt geen uitnodiging.");
        }
        errors.throwIfAny();
        if (ParticipantKind.valueOf(p.kind()).needsConsent()) {
            consents.requireConsent(m, meeting.residentPersonId(), ConsentPurpose.PLANNING_MEETING, recipient(p));
        }
        meetings.invite(m, participantId, by.name(), user.id(), OffsetDateTime.now(clock));
        audit.record(user, AuditAction.UPDATE, "MEETING_INVITATION", participantId.toString(), meeting.householdId(), p.personId(),
                by == InvitedBy.RESIDENT ? "uitgenodigd door de inwoner" : "uitgenodigd namens de inwoner");
    }

    /** Who receives the resident's data when this participant is invited: their organisation, or the person themselves. */
    static String recipient(MeetingRepository.ParticipantRow p) {
        return ParticipantKind.PROFESSIONAL.name().equals(p.kind()) && p.organisation() != null ? p.organisation() : p.name();
    }

    @Override
    public void recordPreparation(CurrentUser user, UUID meetingId, UUID participantId, boolean prepared, String preparedOn, String brings) {
        MeetingRepository.MeetingRow meeting = requireOpenMeeting(user, meetingId);
        String m = user.municipalityCode();
        MeetingRepository.ParticipantRow p = meetings.participant(m, meetingId, participantId).orElseThrow(() -> new NotFoundException("participant"));
        FieldErrors errors = new FieldErrors();
        LocalDate on = errors.date("preparedOn", preparedOn, "de datum van het voorbereidingsgesprek", prepared);
        if (on != null && on.isAfter(LocalDate.now(clock))) {
            errors.add("preparedOn", "Het voorbereidingsgesprek kan niet in de toekomst liggen.");
        }
        errors.maxLength("brings", brings, "wat deze persoon inbrengt", 2000).plainText("brings", brings);
        errors.throwIfAny();
        meetings.prepare(m, participantId, prepared, on, FieldErrors.trimToNull(brings));
        audit.record(user, AuditAction.UPDATE, "MEETING_PREPARATION", participantId.toString(), meeting.householdId(), p.personId(), "voorbereiding");
    }

    @Override
    public RecordedMeeting recordMeeting(CurrentUser user, UUID meetingId, MeetingRecordDraft d) {
        MeetingRepository.MeetingRow meeting = requireOpenMeeting(user, meetingId);
        String m = user.municipalityCode();
        List<MeetingRepository.ParticipantRow> participants = meetings.participants(m, meetingId);
        FieldErrors errors = new FieldErrors();
        LocalDate heldOn = errors.date("heldOn", d.heldOn(), "de datum van de bijeenkomst", true);
        if (heldOn != null && heldOn.isAfter(LocalDate.now(clock))) {
            errors.add("heldOn", "Leg de bijeenkomst vast nadat die is gehouden: de datum ligt in de toekomst.");
        }
        errors.required("place", d.place(), "de plaats", 200).plainText("place", d.place());
        Set<String> attended = d.attended() == null ? Set.of() : d.attended();
        MeetingRepository.ParticipantRow resident = participants.stream().filter(p -> ParticipantKind.RESIDENT.name().equals(p.kind()))
                .findFirst().orElseThrow();
        if (!attended.contains(resident.id().toString())) {
            errors.add("attended", "De inwoner is altijd bij de planbijeenkomst. Vink aan dat " + resident.name() + " aanwezig was.");
        }
        for (String a : attended) {
            Optional<MeetingRepository.ParticipantRow> p = participants.stream().filter(x -> x.id().toString().equals(a)).findFirst();
            if (p.isEmpty()) {
                errors.add("attended", "Kies de aanwezigen uit de lijst van deelnemers.");
            } else if (!ParticipantKind.RESIDENT.name().equals(p.get().kind()) && p.get().invitedAt() == null) {
                errors.add("attended", p.get().name() + " is niet uitgenodigd. Nodig eerst uit (met toestemming waar nodig).");
            }
        }
        Map<String, String> views = d.views() == null ? Map.of() : d.views();
        Map<String, String> concerns = d.concerns() == null ? Map.of() : d.concerns();
        for (MeetingRepository.ParticipantRow p : participants) {
            String key = p.id().toString();
            errors.maxLength("view_" + key, views.get(key), "de visie", 2000).plainText("view_" + key, views.get(key));
            errors.maxLength("concerns_" + key, concerns.get(key), "de zorgen", 2000).plainText("concerns_" + key, concerns.get(key));
        }
        errors.maxLength("lowerBound", d.lowerBound(), "de ondergrens", 2000).plainText("lowerBound", d.lowerBound());
        errors.maxLength("lowerBoundSetBy", d.lowerBoundSetBy(), "wie de ondergrens stelt", 150).plainText("lowerBoundSetBy", d.lowerBoundSetBy());
        if (FieldErrors.trimToNull(d.lowerBound()) != null && FieldErrors.trimToNull(d.lowerBoundSetBy()) == null) {
            errors.add("lowerBoundSetBy", "Vul in wie de ondergrens stelt (bijvoorbeeld Veilig Thuis).");
        }
        List<AgreementDraft> agreements = new ArrayList<>();
        List<AgreementInput> rows = d.agreements() == null ? List.of() : d.agreements();
        for (int i = 0; i < rows.size(); i++) {
            AgreementInput a = rows.get(i);
            if (a == null || a.blank()) {
                continue;
            }
            String f = "agreements[" + i + "].";
            String kind = a.whoKind() == null ? "" : a.whoKind().strip();
            if (!WHO_KINDS.containsKey(kind)) {
                errors.add(f + "whoKind", "Kies wie de afspraak uitvoert (gezinslid, netwerk, professional of organisatie).");
            }
            errors.required(f + "who", a.who(), "wie het doet", 150).plainText(f + "who", a.who());
            errors.required(f + "what", a.what(), "wat er gebeurt", 1000).plainText(f + "what", a.what());
            LocalDate due = errors.date(f + "due", a.due(), "wanneer het klaar is", true);
            LocalDate check = errors.date(f + "checkDate", a.checkDate(), "de controledatum", false);
            if (!errors.has(f + "whoKind") && !errors.has(f + "who") && !errors.has(f + "what") && due != null) {
                agreements.add(new AgreementDraft(kind, a.who().strip(), a.what().strip(), due, check));
            }
        }
        if (rows.stream().allMatch(a -> a == null || a.blank())) {
            errors.add("agreements[0].what", "Leg ten minste één afspraak vast: wie doet wat, wanneer.");
        }
        errors.required("fallback", d.fallback(), "wat er gebeurt als het niet gaat zoals afgesproken", 2000).plainText("fallback", d.fallback());
        errors.maxLength("resultForResident", d.resultForResident(), "het resultaat", 4000).plainText("resultForResident", d.resultForResident());
        errors.maxLength("avoidedCostsNote", d.avoidedCostsNote(), "de voorkomen kosten", 2000).plainText("avoidedCostsNote", d.avoidedCostsNote());
        Long cents = euroCents(errors, "avoidedCostsAmount", d.avoidedCostsAmount());
        errors.throwIfAny();

        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!meetings.recordHeld(m, meetingId, heldOn, d.place().strip(), FieldErrors.trimToNull(d.lowerBound()),
                FieldErrors.trimToNull(d.lowerBoundSetBy()), d.fallback().strip(), FieldErrors.trimToNull(d.resultForResident()),
                FieldErrors.trimToNull(d.avoidedCostsNote()), cents, d.followUpNeeded(), user.id(), now)) {
            throw InvalidInputException.of("formulier", "Deze planbijeenkomst is al vastgelegd.");
        }
        for (MeetingRepository.ParticipantRow p : participants) {
            String key = p.id().toString();
            meetings.attendance(m, p.id(), attended.contains(key), FieldErrors.trimToNull(views.get(key)), FieldErrors.trimToNull(concerns.get(key)));
        }
        for (int i = 0; i < agreements.size(); i++) {
            AgreementDraft a = agreements.get(i);
            meetings.insertAgreement(m, meetingId, i + 1, a.whoKind(), a.who(), a.what(), a.due(), a.checkDate());
        }
        HouseholdPlans householdPlans = plans.getIfAvailable();
        if (householdPlans == null) {
            throw new IllegalStateException("the plan module (HouseholdPlans) is not available");
        }
        int version = householdPlans.recordMeetingDecisions(user, meeting.householdId(), new MeetingDecisions(meetingId,
                meeting.label() + " van " + heldOn.format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy")), agreements, d.fallback().strip(),
                FieldErrors.trimToNull(d.lowerBound()), FieldErrors.trimToNull(d.lowerBoundSetBy())));
        meetings.planVersion(m, meetingId, version);
        audit.record(user, AuditAction.UPDATE, "MEETING", meetingId.toString(), meeting.householdId(), null,
                "planbijeenkomst vastgelegd; plan versie " + version);
        List<MeetingRepository.ParticipantRow> attendees = participants.stream().filter(p -> attended.contains(p.id().toString())).toList();
        List<SurveyLink> links = surveys.issue(user, meeting, attendees);
        return new RecordedMeeting(version, links);
    }

    /** "1.250,50", "1250.50", "€ 1250" → cents; empty → null. Exact (BigDecimal), never a double. */
    static Long euroCents(FieldErrors errors, String field, String value) {
        String v = FieldErrors.trimToNull(value);
        if (v == null) {
            return null;
        }
        String s = v.replace("€", "").replace(" ", "").strip();
        if (s.matches("\\d{1,3}(\\.\\d{3})+(,\\d{1,2})?") || s.matches("\\d+,\\d{1,2}")) {
            s = s.replace(".", "").replace(',', '.');
        } else if (!s.matches("\\d+(\\.\\d{1,2})?")) {
            errors.add(field, "Vul een bedrag in euro's in, bijvoorbeeld 5.500 of 4500,00.");
            return null;
        }
        BigDecimal euros = new BigDecimal(s);
        if (euros.compareTo(new BigDecimal("100000000")) > 0) {
            errors.add(field, "Het bedrag is te hoog (hoogstens € 100.000.000).");
            return null;
        }
        return euros.movePointRight(2).longValueExact();
    }

    static String formatEuros(Long cents) {
        if (cents == null) {
            return null;
        }
        return "€ " + Amounts.grouped(cents);
    }
}
