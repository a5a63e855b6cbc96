package nl.leefwereld.intake.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import nl.leefwereld.household.AddressDraft;
import nl.leefwereld.household.HouseholdRef;
import nl.leefwereld.household.Households;
import nl.leefwereld.household.PersonDraft;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.Directory;
import nl.leefwereld.identity.Role;
import nl.leefwereld.identity.TeamRef;
import nl.leefwereld.identity.UserRef;
import nl.leefwereld.intake.Channel;
import nl.leefwereld.intake.Intake;
import nl.leefwereld.intake.NotificationDraft;
import nl.leefwereld.intake.RegisteredNotification;
import nl.leefwereld.intake.internal.CaseRepository.CaseRow;
import nl.leefwereld.privacy.AuditAction;
import nl.leefwereld.privacy.AuditLog;
import nl.leefwereld.shared.FieldErrors;
import nl.leefwereld.shared.FormTokens;
import nl.leefwereld.shared.InvalidInputException;
import nl.leefwereld.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class IntakeService implements Intake {

    private static final Logger log = LoggerFactory.getLogger(IntakeService.class);
    static final int TEXT_MAX = 4000;

    private final CaseRepository cases;
    private final Households households;
    private final Directory directory;
    private final AuditLog audit;
    private final Clock clock;
    private final FormTokens formTokens;

    static final String FORM = "melding";

    IntakeService(CaseRepository cases, Households households, Directory directory, AuditLog audit, Clock clock, FormTokens formTokens) {
        this.formTokens = formTokens;
        this.cases = cases;
        this.households = households;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public RegisteredNotification registerForHousehold(CurrentUser user, UUID householdId, NotificationDraft draft) {
        Checked checked = check(draft, new FieldErrors());
        checked.errors().throwIfAny();
        HouseholdRef household = households.ref(user.municipalityCode(), householdId).orElseThrow(() -> new NotFoundException("household"));
        return register(user, household, checked);
    }

    @Override
    public RegisteredNotification registerForNewHousehold(CurrentUser user, PersonDraft head, AddressDraft address, boolean confirmNew,
                                                          NotificationDraft draft) {
        Checked checked = check(draft, new FieldErrors());
        // Parallel identical submits are serialised inside createHousehold (an advisory lock per birth date, held until
        // this transaction ends), so the BSN and duplicate checks see the household the first one created.
        UUID householdId;
        try {
            householdId = households.createHousehold(user, head, address, confirmNew);
        } catch (InvalidInputException e) {
            // Show the household's and the notification's errors together.
            FieldErrors all = new FieldErrors();
            e.fieldErrors().forEach(all::add);
            check(draft, all).errors().throwIfAny();
            throw e;
        } catch (nl.leefwereld.household.LikelyDuplicateException e) {
            // First let the user fix the notification; the duplicate question comes when everything else is right.
            checked.errors().throwIfAny();
            throw e;
        }
        checked.errors().throwIfAny();
        HouseholdRef household = households.ref(user.municipalityCode(), householdId).orElseThrow();
        return register(user, household, checked);
    }

    /** The outcome of a form submit: either this submit saved ({@code registered}), or an earlier one did ({@code earlierResult}). */
    record FormResult(RegisteredNotification registered, String resultPath, String earlierResult) {
    }

    /**
     * A notification form submit, guarded by its one-time token: the token is consumed in this transaction together with
     * the save, so an error (rollback) keeps it valid and a second submit of the same form leads to where the first led.
     * A submit without a token (a client that did not load the form) saves as before.
     */
    FormResult registerFromForm(CurrentUser me, String token, Supplier<RegisteredNotification> save,
                                Function<RegisteredNotification, String> resultPath) {
        String m = me.municipalityCode();
        boolean guarded = token != null && !token.isBlank();
        if (guarded) {
            FormTokens.Use use = formTokens.consume(m, me.id(), FORM, token);
            if (use.kind() == FormTokens.Use.Kind.INVALID) {
                throw InvalidInputException.of("formulier",
                        "Dit formulier is verlopen. Uw gegevens staan er nog; controleer ze en verstuur het formulier opnieuw.");
            }
            if (use.kind() == FormTokens.Use.Kind.REPEAT) {
                String earlier = use.earlierResult();
                boolean safe = earlier != null && earlier.startsWith("/") && !earlier.startsWith("//");
                return new FormResult(null, null, safe ? earlier : "/mijn-werk");
            }
        }
        RegisteredNotification r = save.get();
        String path = resultPath.apply(r);
        if (guarded) {
            formTokens.complete(m, token, path);
        }
        return new FormResult(r, path, null);
    }

    /** A fresh one-time token for the notification form. */
    String issueFormToken(CurrentUser me) {
        return formTokens.issue(me.municipalityCode(), me.id(), FORM);
    }

    private record Checked(FieldErrors errors, Channel channel, LocalDate receivedOn, NotificationDraft draft) {
    }

    private Checked check(NotificationDraft d, FieldErrors errors) {
        Channel channel = errors.oneOf("channel", d.channel(), Channel.class, "hoe de melding binnenkwam");
        LocalDate received = errors.date("receivedOn", d.receivedOn(), "de datum van de melding", true);
        if (received != null) {
            errors.check(!received.isAfter(LocalDate.now(clock)), "receivedOn", "De datum van de melding kan niet in de toekomst liggen.");
            errors.check(received.isAfter(LocalDate.now(clock).minusYears(1)), "receivedOn", "De melding is meer dan een jaar oud. Controleer de datum.");
        }
        errors.maxLength("reporter", d.reporter(), "de melder", 200)
                .required("questionAsAsked", d.questionAsAsked(), "de vraag zoals de inwoner of melder die stelde", TEXT_MAX)
                .maxLength("questionBehind", d.questionBehind(), "de vraag achter de vraag", TEXT_MAX)
                .maxLength("ownStrength", d.ownStrength(), "de eigen kracht", TEXT_MAX)
                .maxLength("networkSummary", d.networkSummary(), "het netwerk", TEXT_MAX)
                .maxLength("supportOtherLaws", d.supportOtherLaws(), "de hulp die er al is", TEXT_MAX)
                .maxLength("carerLoad", d.carerLoad(), "de belasting van de mantelzorger", TEXT_MAX)
                .maxLength("childrensNeeds", d.childrensNeeds(), "wat de kinderen nodig hebben", TEXT_MAX);
        return new Checked(errors, channel, received, d);
    }

    private RegisteredNotification register(CurrentUser user, HouseholdRef household, Checked c) {
        String m = user.municipalityCode();
        Optional<CaseRow> existing = cases.caseOfHousehold(m, household.id());
        Optional<UUID> opened = existing.isPresent() ? Optional.empty() : openCase(user, household, c.receivedOn());
        if (opened.isEmpty() && existing.isEmpty()) {
            // A concurrent registration opened the case between our look-up and our insert (ON CONFLICT DO NOTHING): join it.
            existing = Optional.of(cases.caseOfHousehold(m, household.id()).orElseThrow());
        }
        boolean newCase = opened.isPresent();
        CaseRow theCase = newCase ? cases.caseById(m, opened.get()).orElseThrow() : existing.get();
        UUID caseId = theCase.id();
        UUID teamId = theCase.teamId();
        UUID directorId = theCase.caseDirectorId();
        UUID notificationId = cases.insertNotification(m, caseId, user.id(), c.channel().name(), c.receivedOn(), c.draft());
        cases.appendEvent(m, caseId, user.id(), user.displayName(), "NOTIFICATION_REGISTERED",
                "Melding via " + c.channel().label() + " vastgelegd" + (newCase ? "" : " bij de bestaande zaak"));
        audit.record(user, AuditAction.CREATE, "NOTIFICATION", notificationId.toString(), household.id(), null, "melding registreren");
        return new RegisteredNotification(notificationId, caseId, household.id(), newCase, teamId,
                directory.team(m, teamId).map(TeamRef::name).orElse(null), directorId,
                directorId == null ? null : directory.user(m, directorId).map(UserRef::displayName).orElse(null));
    }

    /** Routes and opens the household's case; empty when a concurrent registration opened it first (then nothing is written). */
    private Optional<UUID> openCase(CurrentUser user, HouseholdRef household, LocalDate receivedOn) {
        String m = user.municipalityCode();
        Optional<TeamRef> routed = directory.teamServing(m, household.districtCode());
        if (routed.isEmpty()) {
            // No team serves the district (set-up gap): keep the work with the registering team rather than lose it.
            log.warn("No team serves district code {}; case stays with the registering team", household.districtCode());
        }
        UUID teamId = routed.map(TeamRef::id).orElse(user.teamId());
        if (teamId == null) {
            throw InvalidInputException.of("districtCode", "Geen team bedient deze wijk. Vraag de functioneel beheerder de wijk aan een team te koppelen.");
        }
        List<UUID> directors = directory.members(m, teamId, Role.CASE_DIRECTOR).stream().map(UserRef::id).toList();
        UUID directorId = cases.leastLoaded(m, directors).orElse(null);
        Optional<UUID> caseId = cases.insertCase(m, household.id(), teamId, directorId, receivedOn);
        if (caseId.isEmpty()) {
            return caseId;
        }
        String teamName = directory.team(m, teamId).map(TeamRef::name).orElse("?");
        cases.appendEvent(m, caseId.get(), user.id(), user.displayName(), "CASE_OPENED", "Zaak geopend voor het huishouden");
        cases.appendEvent(m, caseId.get(), null, "Leefwereld", "ROUTED",
                routed.isPresent() ? "Doorgezet naar " + teamName + " (team van de wijk)" : "Geen team voor de wijk: bij " + teamName + " gebleven");
        cases.appendEvent(m, caseId.get(), null, "Leefwereld", "DIRECTOR_ASSIGNED", directorId == null
                ? "Nog geen regisseur: het team heeft geen regisseur beschikbaar; de teamleider wijst er een toe"
                : "Regisseur toegewezen: " + directory.user(m, directorId).map(UserRef::displayName).orElse("?"));
        return caseId;
    }

    /** A team member picks up a new notification: from then on it is no longer "new" on the team's list. */
    void pickUp(CurrentUser user, UUID notificationId) {
        String m = user.municipalityCode();
        var n = cases.notification(m, notificationId).orElseThrow(() -> new NotFoundException("notification"));
        CaseRow c = cases.caseById(m, n.caseId()).orElseThrow();
        if (user.teamId() == null || !user.teamId().equals(c.teamId())) {
            throw new nl.leefwereld.privacy.NoAccessException(c.householdId());
        }
        if (cases.pickUp(m, notificationId, user.id())) {
            cases.appendEvent(m, c.id(), user.id(), user.displayName(), "NOTIFICATION_PICKED_UP", "Melding opgepakt");
            audit.record(user, AuditAction.UPDATE, "NOTIFICATION", notificationId.toString(), c.householdId(), null, "melding oppakken");
        }
    }

    /** What became of an assignment: done, nothing to do (the same director), or the team lead must confirm first. */
    enum Assignment { ASSIGNED, UNCHANGED, CONFIRM_OUTSIDE_TEAM }

    /**
     * The team lead (re)assigns the case director. A director of another team (or of none) is assigned only once the
     * team lead confirms it ({@code confirmedOutsideTeam}); the timeline then says so.
     */
    /** The case, when the user is the team lead of its team (who alone assigns its director); else no access. */
    private CaseRow leadsCase(CurrentUser user, UUID caseId) {
        CaseRow c = cases.caseById(user.municipalityCode(), caseId).orElseThrow(() -> new NotFoundException("case"));
        if (!user.has(Role.TEAM_LEAD) || user.teamId() == null || !user.teamId().equals(c.teamId())) {
            throw new nl.leefwereld.privacy.NoAccessException(c.householdId());
        }
        return c;
    }

    /** Every director of the municipality, for the case's team lead choosing one from another team. */
    List<CaseRepository.DirectorLoad> directorsToChooseFrom(CurrentUser user, UUID caseId) {
        leadsCase(user, caseId);
        return cases.directorsWithLoad(user.municipalityCode());
    }

    Assignment assignDirector(CurrentUser user, UUID caseId, String directorIdText, boolean confirmedOutsideTeam) {
        String m = user.municipalityCode();
        CaseRow c = leadsCase(user, caseId);
        UUID chosen = FieldErrors.idOrNull(directorIdText);
        Optional<CaseRepository.DirectorLoad> director = chosen == null ? Optional.empty() : cases.director(m, chosen);
        if (director.isEmpty()) {
            throw InvalidInputException.of("caseDirectorId", "Kies een regisseur uit de lijst.");
        }
        CaseRepository.DirectorLoad d = director.get();
        if (d.id().equals(c.caseDirectorId())) {
            return Assignment.UNCHANGED;
        }
        boolean outside = !c.teamId().equals(d.teamId());
        if (outside && !confirmedOutsideTeam) {
            return Assignment.CONFIRM_OUTSIDE_TEAM;
        }
        cases.setCaseDirector(m, caseId, d.id());
        cases.appendEvent(m, caseId, user.id(), user.displayName(), outside ? "DIRECTOR_CHANGED_OUTSIDE_TEAM" : "DIRECTOR_CHANGED",
                "Regisseur is nu " + d.displayName() + (outside
                        ? " (" + (d.teamName() == null ? "zonder team" : d.teamName()) + ", buiten het team; bevestigd door de teamleider)" : ""));
        audit.record(user, AuditAction.UPDATE, "CASE", caseId.toString(), c.householdId(), null, "regisseur toewijzen");
        return Assignment.ASSIGNED;
    }
}
