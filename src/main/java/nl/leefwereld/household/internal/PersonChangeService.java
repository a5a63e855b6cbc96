package nl.leefwereld.household.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import nl.leefwereld.household.CorrectionDraft;
import nl.leefwereld.household.DepartureDraft;
import nl.leefwereld.household.HistoryEntry;
import nl.leefwereld.household.HouseholdMoved;
import nl.leefwereld.household.Member;
import nl.leefwereld.household.MemberDeparted;
import nl.leefwereld.household.MoveDraft;
import nl.leefwereld.household.Person;
import nl.leefwereld.household.PersonChanges;
import nl.leefwereld.household.Relation;
import nl.leefwereld.household.internal.HouseholdRepository.HouseholdRow;
import nl.leefwereld.household.internal.PersonHistoryRepository.MembershipHistoryRow;
import nl.leefwereld.household.internal.PersonHistoryRepository.PersonHistoryRow;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.Directory;
import nl.leefwereld.privacy.AccessPolicy;
import nl.leefwereld.privacy.AuditAction;
import nl.leefwereld.privacy.AuditLog;
import nl.leefwereld.shared.Bsn;
import nl.leefwereld.shared.FieldErrors;
import nl.leefwereld.shared.InvalidInputException;
import nl.leefwereld.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves, departures and corrections with history. Order in every change: the household must exist (404), access is
 * checked (403, audited as a refusal) before any input is read, then the input is checked (field errors), then the
 * person row is locked, the old values are copied into history and the new ones written, all in one transaction.
 */
@Service
@Transactional
class PersonChangeService implements PersonChanges {

    static final int MIN_REASON_LENGTH = 10;
    private static final String BSN_TAKEN = "Er is al een persoon met dit BSN. Controleer het nummer.";

    private final HouseholdRepository households;
    private final PersonHistoryRepository history;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Directory directory;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    PersonChangeService(HouseholdRepository households, PersonHistoryRepository history, AccessPolicy access, AuditLog audit,
                        Directory directory, Clock clock, ApplicationEventPublisher events) {
        this.households = households;
        this.history = history;
        this.access = access;
        this.audit = audit;
        this.directory = directory;
        this.clock = clock;
        this.events = events;
    }

    // ------------------------------------------------------------------------------------------------------------ move

    @Override
    public UUID move(CurrentUser user, UUID personId, MoveDraft d) {
        String m = user.municipalityCode();
        households.person(m, personId).orElseThrow(() -> new NotFoundException("person"));
        List<UUID> memberOf = households.householdsOf(m, personId);
        if (memberOf.isEmpty()) {
            throw new NotFoundException("household");   // no current household: nothing to move through
        }
        UUID chosen = FieldErrors.idOrNull(d.householdId());
        // Access first, to every household the request could touch: a refusal writes nothing and reveals nothing.
        UUID householdId = chosen != null && memberOf.contains(chosen) ? chosen : memberOf.get(0);
        String basis = access.requireHouseholdAccess(user, householdId);
        FieldErrors errors = new FieldErrors();
        if (d.householdId() != null && !d.householdId().isBlank() && (chosen == null || !memberOf.contains(chosen))) {
            errors.add("householdId", "Kies een huishouden waar deze persoon lid van is.");
        } else if (chosen == null && memberOf.size() > 1) {
            errors.add("householdId", "Deze persoon hoort bij meer dan één huishouden. Kies welk huishouden verhuist.");
        }
        Address to = checkAddress(m, d.street(), d.houseNumber(), d.postalCode(), d.city(), d.districtCode(), errors, "");
        LocalDate movedOn = pastOrToday(errors, "movedOn", d.movedOn(), "de datum van de verhuizing");
        checkReason(errors, d.reason());
        HouseholdRow before = households.household(m, householdId).orElseThrow(() -> new NotFoundException("household"));
        if (to != null && !errors.has("street") && to.sameAs(before)) {
            errors.add("street", "Dit is het huidige adres van het huishouden. Vul het nieuwe adres in.");
        }
        errors.throwIfAny();
        OffsetDateTime now = OffsetDateTime.now(clock);
        String fields = before.districtCode().equals(to.district()) ? "adres" : "adres, wijk";
        List<Member> members = households.members(m, householdId);
        for (Member member : members) {
            UUID p = member.person().id();
            history.lockPerson(m, p);
            history.keep(m, p, "MOVE", now, movedOn, fields, d.reason().strip(), user.id(), user.displayName());
            history.updateAddress(m, p, to.street(), to.number(), to.postalCode(), to.city(), to.district(), now);
        }
        history.updateHouseholdAddress(m, householdId, to.street(), to.number(), to.postalCode(), to.city(), to.district());
        audit.record(user, AuditAction.UPDATE, "HOUSEHOLD", householdId.toString(), householdId, null, "verhuizing; " + basis);
        for (Member member : members) {
            audit.record(user, AuditAction.UPDATE, "PERSON", member.person().id().toString(), householdId, member.person().id(),
                    "verhuizing; " + basis);
        }
        events.publishEvent(new HouseholdMoved(m, householdId, before.districtCode(), to.district(), user.id(), user.displayName()));
        return householdId;
    }

    // ------------------------------------------------------------------------------------------------------- departure

    @Override
    public UUID depart(CurrentUser user, UUID householdId, UUID personId, DepartureDraft d) {
        String m = user.municipalityCode();
        HouseholdRow from = households.household(m, householdId).orElseThrow(() -> new NotFoundException("household"));
        String basis = access.requireHouseholdAccess(user, householdId);
        Relation relation = history.relation(m, householdId, personId).orElseThrow(() -> new NotFoundException("member"));
        FieldErrors errors = new FieldErrors();
        LocalDate leftOn = pastOrToday(errors, "leftOn", d.leftOn(), "de datum van vertrek");
        LocalDate since = history.memberSince(m, householdId, personId).orElse(null);
        if (leftOn != null && since != null) {
            errors.check(!leftOn.isBefore(since), "leftOn", "De datum van vertrek ligt vóór de datum waarop de persoon lid werd.");
        }
        checkReason(errors, d.reason());
        DepartureDraft.Destination where = d.destination() == null || d.destination().isBlank() ? DepartureDraft.Destination.NONE
                : errors.oneOf("destination", d.destination(), DepartureDraft.Destination.class, "waar de persoon heen gaat");
        if (history.memberCount(m, householdId) <= 1) {
            errors.add("destination", "Dit is het laatste lid van het huishouden. Meld een verhuizing van het hele huishouden.");
        }
        UUID target = null;
        Relation targetRelation = null;
        Address newAddress = null;
        if (where == DepartureDraft.Destination.EXISTING) {
            target = errors.optionalId("destinationHouseholdId", d.destinationHouseholdId(), "Kies het huishouden waar de persoon gaat wonen.");
            if (target == null && !errors.has("destinationHouseholdId")) {
                errors.add("destinationHouseholdId", "Kies het huishouden waar de persoon gaat wonen.");
            } else if (target != null && (target.equals(householdId) || households.household(m, target).isEmpty())) {
                errors.add("destinationHouseholdId", "Kies een ander, bestaand huishouden.");
                target = null;
            }
            if (target != null) {
                access.requireHouseholdAccess(user, target);   // joining a household you cannot see is refused (403)
                if (history.relation(m, target, personId).isPresent()) {
                    errors.add("destinationHouseholdId", "De persoon is al lid van dat huishouden.");
                }
            }
            targetRelation = errors.oneOf("relation", d.relation(), Relation.class, "de relatie in het nieuwe huishouden");
            if (targetRelation == Relation.HEAD && target != null && households.hasHead(m, target)) {
                errors.add("relation", "Dat huishouden heeft al een hoofdbewoner.");
            }
        } else if (where == DepartureDraft.Destination.NEW) {
            newAddress = checkAddress(m, d.street(), d.houseNumber(), d.postalCode(), d.city(), d.districtCode(), errors, "");
            targetRelation = Relation.HEAD;
        }
        if (where != DepartureDraft.Destination.EXISTING) {
            // fields for another destination must be empty: a value there means the wrong destination was chosen
            errors.check(isBlank(d.destinationHouseholdId()), "destinationHouseholdId",
                    "Laat dit leeg, of kies \u201cEen huishouden dat al bekend is\u201d.");
            errors.check(isBlank(d.relation()), "relation", "Laat dit leeg, of kies \u201cEen huishouden dat al bekend is\u201d.");
        }
        if (where != DepartureDraft.Destination.NEW) {
            for (String[] f : new String[][] {{"street", d.street()}, {"houseNumber", d.houseNumber()}, {"postalCode", d.postalCode()},
                    {"city", d.city()}, {"districtCode", d.districtCode()}}) {
                errors.check(isBlank(f[1]), f[0], "Laat het adres leeg, of kies \u201cEen nieuw huishouden op een nieuw adres\u201d.");
            }
        }
        errors.throwIfAny();
        OffsetDateTime now = OffsetDateTime.now(clock);
        history.lockPerson(m, personId);
        if (where == DepartureDraft.Destination.NEW) {
            target = households.insertHousehold(m, newAddress.street(), newAddress.number(), newAddress.postalCode(), newAddress.city(),
                    newAddress.district());
        }
        history.endMembership(m, householdId, personId, relation, since, leftOn, d.reason().strip(), target, now, user.id(),
                user.displayName());
        audit.record(user, AuditAction.UPDATE, "HOUSEHOLD_MEMBER", personId.toString(), householdId, personId, "vertrek; " + basis);
        if (target != null) {
            HouseholdRow to = households.household(m, target).orElseThrow();
            history.insertMember(m, target, personId, targetRelation, leftOn);
            history.keep(m, personId, "MOVE", now, leftOn, "adres", d.reason().strip(), user.id(), user.displayName());
            history.updateAddress(m, personId, to.street(), to.houseNumber(), to.postalCode(), to.city(), to.districtCode(), now);
            if (where == DepartureDraft.Destination.NEW) {
                audit.record(user, AuditAction.CREATE, "HOUSEHOLD", target.toString(), target, null, "vertrek naar nieuw huishouden");
            }
            audit.record(user, AuditAction.CREATE, "HOUSEHOLD_MEMBER", personId.toString(), target, personId, "komt uit ander huishouden");
        }
        events.publishEvent(new MemberDeparted(m, householdId, personId, target, user.id(), user.displayName()));
        return target;
    }

    // ------------------------------------------------------------------------------------------------------ correction

    @Override
    public void correct(CurrentUser user, UUID householdId, UUID personId, CorrectionDraft d) {
        String m = user.municipalityCode();
        Person current = households.person(m, personId).orElseThrow(() -> new NotFoundException("person"));
        List<UUID> memberOf = households.householdsOf(m, personId);
        UUID via;
        if (householdId != null) {
            households.household(m, householdId).orElseThrow(() -> new NotFoundException("household"));
            if (!memberOf.contains(householdId)) {
                access.requireHouseholdAccess(user, householdId);   // 403 before revealing anything about membership
                throw new NotFoundException("member");
            }
            via = householdId;
        } else {
            if (memberOf.isEmpty()) {
                throw new NotFoundException("household");
            }
            Set<UUID> open = access.accessibleHouseholds(user, memberOf);
            via = open.isEmpty() ? memberOf.get(0) : open.iterator().next();
        }
        String basis = access.requireHouseholdAccess(user, via);
        FieldErrors errors = new FieldErrors();
        String first = d.firstName() == null ? current.firstName() : d.firstName();
        String last = d.lastName() == null ? current.lastName() : d.lastName();
        errors.required("firstName", first, "de voornaam", 100).required("lastName", last, "de achternaam", 150);
        LocalDate birth = d.birthDate() == null ? current.birthDate() : errors.date("birthDate", d.birthDate(), "de geboortedatum", true);
        if (birth != null && d.birthDate() != null) {
            errors.check(!birth.isAfter(LocalDate.now(clock)), "birthDate", "De geboortedatum kan niet in de toekomst liggen.");
            errors.check(birth.isAfter(LocalDate.of(1900, 1, 1)), "birthDate", "Controleer het geboortejaar.");
        }
        String phone = d.phone() == null ? current.phone() : FieldErrors.trimToNull(d.phone());
        String email = d.email() == null ? current.email() : FieldErrors.trimToNull(d.email());
        if (d.phone() != null) {
            errors.phone("phone", d.phone()).maxLength("phone", d.phone(), "het telefoonnummer", 30);
        }
        if (d.email() != null) {
            errors.email("email", d.email()).maxLength("email", d.email(), "het e-mailadres", 200);
        }
        Bsn bsn = current.bsn();
        if (d.bsn() != null && !d.bsn().isBlank()) {
            errors.bsn("bsn", d.bsn());
            if (!errors.has("bsn")) {
                bsn = Bsn.parse(d.bsn());
                // Serialise corrections to the same number: the second one sees the first and gets the field error.
                households.lock("bsn:" + m + ":" + bsn.value());
                if (households.personByBsn(m, bsn.value()).filter(other -> !other.equals(personId)).isPresent()) {
                    errors.add("bsn", BSN_TAKEN);
                }
            }
        }
        checkReason(errors, d.reason());
        errors.throwIfAny();
        Person corrected = new Person(personId, bsn, first.strip(), last.strip(), birth, current.street(), current.houseNumber(),
                current.postalCode(), current.city(), current.districtCode(), phone, email);
        List<String> changed = new ArrayList<>();
        if (!corrected.firstName().equals(current.firstName())) changed.add("voornaam");
        if (!corrected.lastName().equals(current.lastName())) changed.add("achternaam");
        if (!corrected.birthDate().equals(current.birthDate())) changed.add("geboortedatum");
        if (!Objects.equals(bsnValue(corrected.bsn()), bsnValue(current.bsn()))) changed.add("bsn");
        if (!Objects.equals(corrected.phone(), current.phone())) changed.add("telefoon");
        if (!Objects.equals(corrected.email(), current.email())) changed.add("e-mail");
        if (changed.isEmpty()) {
            throw InvalidInputException.of("firstName", "Er is niets gewijzigd. Pas eerst een gegeven aan en vul dan de reden in.");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        history.lockPerson(m, personId);
        history.keep(m, personId, "CORRECTION", now, null, String.join(", ", changed), d.reason().strip(), user.id(), user.displayName());
        try {
            history.updatePerson(m, corrected, now);
        } catch (DuplicateKeyException e) {
            throw InvalidInputException.of("bsn", BSN_TAKEN);
        }
        audit.record(user, AuditAction.UPDATE, "PERSON", personId.toString(), via, personId, "correctie " + String.join(", ", changed)
                + "; " + basis);
    }

    // ------------------------------------------------------------------------------------------------------- reading

    @Override
    @Transactional(readOnly = true)
    public Member member(CurrentUser user, UUID householdId, UUID personId) {
        String m = user.municipalityCode();
        households.household(m, householdId).orElseThrow(() -> new NotFoundException("household"));
        String basis = access.requireHouseholdAccess(user, householdId);
        Member member = households.members(m, householdId).stream().filter(x -> x.person().id().equals(personId)).findFirst()
                .orElseThrow(() -> new NotFoundException("member"));
        audit.read(user, "PERSON", personId, householdId, personId, basis);
        return member;
    }

    @Override
    @Transactional(readOnly = true)
    public List<HistoryEntry> history(CurrentUser user, UUID householdId) {
        String m = user.municipalityCode();
        households.household(m, householdId).orElseThrow(() -> new NotFoundException("household"));
        String basis = access.requireHouseholdAccess(user, householdId);
        return history(user, householdId, households.members(m, householdId), basis, true);
    }

    @Override
    @Transactional(readOnly = true)
    public List<HistoryEntry> historyOfViewed(CurrentUser user, nl.leefwereld.household.Household viewed) {
        return history(user, viewed.id(), viewed.members(), "zie huishoudpagina", true);
    }

    @Override
    @Transactional(readOnly = true)
    public List<HistoryEntry> historyOfMember(CurrentUser user, UUID householdId, Member viewed) {
        return history(user, householdId, List.of(viewed), "zie lidpagina", false);
    }

    private List<HistoryEntry> history(CurrentUser user, UUID householdId, List<Member> members, String basis, boolean withFormerMembers) {
        String m = user.municipalityCode();
        Set<UUID> ids = new LinkedHashSet<>();
        members.forEach(x -> ids.add(x.person().id()));
        List<MembershipHistoryRow> departures = withFormerMembers ? history.departures(m, householdId, null) : List.of();
        departures.forEach(r -> ids.add(r.personId()));
        List<HistoryEntry> out = new ArrayList<>();
        java.util.Map<UUID, String> names = new java.util.HashMap<>();
        members.forEach(x -> names.put(x.person().id(), x.person().fullName()));
        departures.forEach(r -> names.putIfAbsent(r.personId(), r.firstName() + " " + r.lastName()));
        for (PersonHistoryRow r : history.personHistory(m, ids)) {
            out.add(new HistoryEntry(r.personId(), names.get(r.personId()), HistoryEntry.Kind.valueOf(r.kind()), r.validTo(),
                    r.effectiveOn(), describe(r), r.reason(), r.changedByName()));
        }
        for (MembershipHistoryRow r : departures) {
            out.add(new HistoryEntry(r.personId(), names.get(r.personId()), HistoryEntry.Kind.DEPARTURE, r.recordedAt(), r.validTo(),
                    "Vertrokken uit het huishouden (was: " + Relation.valueOf(r.relation()).label().toLowerCase() + ")"
                            + (r.destination() == null ? "" : "; naar een ander huishouden"), r.reason(), r.recordedByName()));
        }
        out.sort(Comparator.comparing(HistoryEntry::recordedAt).reversed());
        if (!out.isEmpty()) {
            audit.read(user, "PERSON_HISTORY", householdId, householdId, null, basis);
            Set<UUID> former = new LinkedHashSet<>();
            departures.forEach(r -> former.add(r.personId()));
            members.forEach(x -> former.remove(x.person().id()));
            for (UUID p : former) {
                audit.read(user, "PERSON", p, householdId, p, basis + "; oud-lid in geschiedenis");
            }
        }
        return out;
    }

    /** The old values of what changed; the BSN masked (the full number only in the inzage export). */
    static String describe(PersonHistoryRow r) {
        if ("MOVE".equals(r.kind())) {
            return "Woonde op " + r.street() + " " + r.houseNumber() + ", " + r.postalCode() + " " + r.city() + " (wijk " + r.districtCode() + ")";
        }
        List<String> was = new ArrayList<>();
        for (String f : r.changedFields().split(", ")) {
            switch (f) {
                case "voornaam" -> was.add("voornaam " + r.firstName());
                case "achternaam" -> was.add("achternaam " + r.lastName());
                case "geboortedatum" -> was.add("geboortedatum " + r.birthDate().format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-uuuu")));
                case "bsn" -> was.add("bsn " + (r.bsn() == null ? "geen" : Bsn.parse(r.bsn()).masked()));
                case "telefoon" -> was.add("telefoon " + (r.phone() == null ? "geen" : r.phone()));
                case "e-mail" -> was.add("e-mail " + (r.email() == null ? "geen" : r.email()));
                default -> was.add(f);
            }
        }
        return "Gecorrigeerd: " + r.changedFields() + ". Was: " + String.join("; ", was);
    }

    // ------------------------------------------------------------------------------------------------------- helpers

    record Address(String street, String number, String postalCode, String city, String district) {
        boolean sameAs(HouseholdRow h) {
            return street.equalsIgnoreCase(h.street()) && number.equalsIgnoreCase(h.houseNumber()) && postalCode.equals(h.postalCode())
                    && district.equals(h.districtCode());
        }
    }

    private Address checkAddress(String m, String street, String number, String postalCode, String city, String district,
                                 FieldErrors errors, String prefix) {
        errors.required(prefix + "street", street, "de straat", 150)
                .required(prefix + "houseNumber", number, "het huisnummer", 20)
                .required(prefix + "postalCode", postalCode, "de postcode", 7).postalCode(prefix + "postalCode", postalCode)
                .required(prefix + "city", city, "de woonplaats", 100);
        if (district == null || district.isBlank()) {
            errors.add(prefix + "districtCode", "Kies de wijk van het nieuwe adres.");
        } else if (errors.isCode(prefix + "districtCode", district, "een wijk") && directory.district(m, district).isEmpty()) {
            errors.add(prefix + "districtCode", "Kies een wijk uit de lijst.");
        }
        if (errors.has(prefix + "street") || errors.has(prefix + "houseNumber") || errors.has(prefix + "postalCode")
                || errors.has(prefix + "city") || errors.has(prefix + "districtCode")) {
            return null;
        }
        return new Address(street.strip(), number.strip(), HouseholdService.normalisePostalCode(postalCode), city.strip(), district);
    }

    private LocalDate pastOrToday(FieldErrors errors, String field, String value, String label) {
        LocalDate day = errors.date(field, value, label, true);
        if (day != null) {
            errors.check(!day.isAfter(LocalDate.now(clock)), field, "Deze datum kan niet in de toekomst liggen.");
            errors.check(!day.isBefore(LocalDate.now(clock).minusYears(10)), field, "Kies een datum in de afgelopen 10 jaar.");
        }
        return day;
    }

    private static void checkReason(FieldErrors errors, String reason) {
        errors.required("reason", reason, "de reden", 500);
        if (!errors.has("reason")) {
            errors.check(reason.strip().length() >= MIN_REASON_LENGTH, "reason",
                    "Schrijf in een paar woorden waarom (minstens " + MIN_REASON_LENGTH + " tekens).");
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String bsnValue(Bsn bsn) {
        return bsn == null ? null : bsn.value();
    }
}
