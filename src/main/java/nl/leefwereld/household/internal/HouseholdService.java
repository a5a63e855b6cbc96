package nl.leefwereld.household.internal;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.leefwereld.household.AddressDraft;
import nl.leefwereld.household.DuplicateCandidate;
import nl.leefwereld.household.Household;
import nl.leefwereld.household.HouseholdRef;
import nl.leefwereld.household.Households;
import nl.leefwereld.household.LikelyDuplicateException;
import nl.leefwereld.household.Member;
import nl.leefwereld.household.NetworkDraft;
import nl.leefwereld.household.NetworkMember;
import nl.leefwereld.household.Person;
import nl.leefwereld.household.PersonDraft;
import nl.leefwereld.household.PersonMatch;
import nl.leefwereld.household.PersonSearch;
import nl.leefwereld.household.Relation;
import nl.leefwereld.household.internal.HouseholdRepository.Hit;
import nl.leefwereld.household.internal.HouseholdRepository.HouseholdRow;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.Directory;
import nl.leefwereld.privacy.AccessPolicy;
import nl.leefwereld.privacy.AuditAction;
import nl.leefwereld.privacy.AuditEntry;
import nl.leefwereld.privacy.AuditLog;
import nl.leefwereld.privacy.ProtectedPersons;
import nl.leefwereld.privacy.SearchReferences;
import nl.leefwereld.shared.Bsn;
import nl.leefwereld.shared.FieldErrors;
import nl.leefwereld.shared.InvalidInputException;
import org.springframework.dao.DuplicateKeyException;
import nl.leefwereld.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class HouseholdService implements Households {

    private static final Pattern POSTAL_SEARCH = Pattern.compile("^([1-9][0-9]{3}) ?([A-Za-z]{2})(?:\\s+(\\S+))?$");
    /** What a name, street, BSN, postcode or date can hold (and % _ + which are searched literally or rejected later). */
    private static final Pattern SEARCH_CHARACTERS = Pattern.compile("^[\\p{L}\\p{M}0-9 \\-'.,/%_+]*$");
    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d-M-uuuu");
    /** How screens show a date: dd-mm-jjjj. */
    private static final DateTimeFormatter SHOWN_DATE = DateTimeFormatter.ofPattern("dd-MM-uuuu");
    private static final List<String> NAME_PREFIXES = List.of("van der ", "van den ", "van de ", "van ", "de ", "den ", "der ", "het ", "ter ", "ten ", "te ", "in 't ", "'t ");

    private final HouseholdRepository repo;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Directory directory;
    private final Clock clock;
    private final ProtectedPersons protection;
    private final SearchReferences references;
    private final SearchRateLimiter rateLimiter;
    @org.springframework.beans.factory.annotation.Autowired private org.springframework.context.ApplicationEventPublisher events;

    HouseholdService(HouseholdRepository repo, AccessPolicy access, AuditLog audit, Directory directory, Clock clock,
                     ProtectedPersons protection, SearchReferences references, SearchRateLimiter rateLimiter) {
        this.protection = protection;
        this.references = references;
        this.rateLimiter = rateLimiter;
        this.repo = repo;
        this.access = access;
        this.audit = audit;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public Household view(CurrentUser user, UUID householdId) {
        String m = user.municipalityCode();
        HouseholdRow row = repo.household(m, householdId).orElseThrow(() -> new NotFoundException("household"));
        String basis = access.requireHouseholdAccess(user, householdId);
        List<Member> members = repo.members(m, householdId);
        List<NetworkMember> network = repo.network(m, householdId);
        audit.read(user, "HOUSEHOLD", householdId, householdId, null, basis);
        for (Member member : members) {
            audit.read(user, "PERSON", member.person().id(), householdId, member.person().id(), basis);
        }
        if (!network.isEmpty()) {
            audit.record(user, AuditAction.READ, "NETWORK", String.valueOf(network.size()), householdId, null, basis);
        }
        return new Household(row.id(), row.street(), row.houseNumber(), row.postalCode(), row.city(), row.districtCode(),
                row.districtName(), members, network);
    }

    @Override
    public PersonSearch searchPage(CurrentUser user, String query) {
        rateLimiter.acquire(user);
        String m = user.municipalityCode();
        FieldErrors errors = new FieldErrors().required("q", query, "een zoekterm", 100);
        if (!errors.has("q")) {
            errors.check(query.strip().length() >= 2, "q", "Vul minstens 2 tekens in.");
            errors.check(SEARCH_CHARACTERS.matcher(query.strip()).matches(), "q",
                    "Gebruik alleen letters, cijfers, spaties en de tekens - ' . , /.");
        }
        errors.throwIfAny();
        String q = query.strip();
        String digits = q.replace(" ", "").replace(".", "");
        List<Hit> hits;
        String kind;
        Matcher postal = POSTAL_SEARCH.matcher(q);
        Optional<LocalDate> date = parseSearchDate(q);
        if (digits.matches("\\d{9}")) {
            new FieldErrors().bsn("q", digits).throwIfAny();
            hits = repo.searchByBsn(m, digits);
            kind = "BSN";
        } else if (postal.matches()) {
            hits = repo.searchByPostalCode(m, postal.group(1) + " " + postal.group(2).toUpperCase(Locale.ROOT), postal.group(3));
            kind = "ADDRESS";
        } else if (date.isPresent()) {
            LocalDate day = date.get();
            new FieldErrors().check(!day.isBefore(FieldErrors.EARLIEST) && !day.isAfter(LocalDate.now(clock)), "q",
                    "Zoek op een geboortedatum tussen 1900 en vandaag.").throwIfAny();
            hits = repo.searchByBirthDate(m, day);
            kind = "BIRTH_DATE";
        } else {
            hits = repo.searchByText(m, q);
            kind = "NAME_OR_STREET";
        }
        // The repository reads one row more than a page: that row only tells that more matched.
        boolean more = hits.size() > HouseholdRepository.SEARCH_LIMIT;
        if (more) {
            hits = hits.subList(0, HouseholdRepository.SEARCH_LIMIT);
        }
        Set<UUID> households = new LinkedHashSet<>();
        hits.forEach(h -> households.add(h.householdId()));
        Set<UUID> hidden = protection.hiddenFrom(user, households);
        households.removeAll(hidden);
        Set<UUID> accessible = access.accessibleHouseholds(user, households);
        Set<UUID> shieldedButOpen = protection.protectedHouseholds(m, accessible);
        List<PersonMatch> out = new ArrayList<>();
        List<AuditEntry> auditRows = new ArrayList<>(hits.size());
        Set<UUID> shownAsDistrict = new LinkedHashSet<>();
        for (Hit hit : hits) {
            UUID h = hit.householdId();
            UUID personId = hit.person().id();
            if (hidden.contains(h)) {
                continue;   // a protected person's household: absent, not even "known in district X"
            }
            if (accessible.contains(h)) {
                auditRows.add(new AuditEntry(AuditAction.SEARCH, "PERSON", personId.toString(), h, personId, "zoeken op " + kind));
                if (shieldedButOpen.contains(h)) {
                    protection.alert(user, h, personId, "zoekresultaat in huishouden met afgeschermde persoon");
                }
                out.add(new PersonMatch(h, true, hit.person(), hit.relation(), hit.districtName(), null));
            } else {
                auditRows.add(new AuditEntry(AuditAction.SEARCH, "PERSON", personId.toString(), h, personId, "zoeken op " + kind + ", geen toegang"));
                if (shownAsDistrict.add(h)) {
                    // Once per household: that someone is known there, not who, how many or which household.
                    out.add(new PersonMatch(null, false, null, null, hit.districtName(), references.issue(user, h)));
                }
            }
        }
        audit.recordAll(user, auditRows);   // every hit, accessible or not, in one insert
        return new PersonSearch(out, more, HouseholdRepository.SEARCH_LIMIT);
    }

    static Optional<LocalDate> parseSearchDate(String q) {
        for (DateTimeFormatter f : List.of(DateTimeFormatter.ISO_LOCAL_DATE, DUTCH_DATE)) {
            try {
                return Optional.of(LocalDate.parse(q, f));
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return Optional.empty();
    }

    @Override
    public List<DuplicateCandidate> likelyDuplicates(CurrentUser user, PersonDraft draft) {
        return duplicates(user, draft, null, null);
    }

    private List<DuplicateCandidate> duplicates(CurrentUser user, PersonDraft draft, String postalCode, String houseNumber) {
        LocalDate birth;
        try {
            birth = LocalDate.parse(draft.birthDate().strip());
        } catch (RuntimeException e) {
            return List.of();
        }
        String last = normaliseName(draft.lastName());
        String first = normaliseName(draft.firstName());
        List<Hit> matches = new ArrayList<>();
        for (Hit hit : repo.sameBirthDateOrAddress(user.municipalityCode(), birth, postalCode, houseNumber)) {
            Person p = hit.person();
            boolean sameBirth = p.birthDate().equals(birth);
            boolean sameLast = normaliseName(p.lastName()).equals(last);
            boolean sameFirst = normaliseName(p.firstName()).equals(first)
                    || (!first.isEmpty() && normaliseName(p.firstName()).startsWith(first.substring(0, 1)) && sameLast);
            boolean sameAddress = postalCode != null && postalCode.equals(p.postalCode()) && houseNumber != null
                    && houseNumber.equalsIgnoreCase(p.houseNumber());
            if ((sameBirth && (sameLast || sameFirst)) || (sameAddress && sameFirst && sameLast)) {
                matches.add(hit);
            }
        }
        if (matches.isEmpty()) {
            return List.of();
        }
        Set<UUID> households = new LinkedHashSet<>();
        matches.forEach(h -> households.add(h.householdId()));
        Set<UUID> hidden = protection.hiddenFrom(user, households);
        households.removeAll(hidden);
        Set<UUID> accessible = access.accessibleHouseholds(user, households);
        Set<UUID> shieldedButOpen = protection.protectedHouseholds(user.municipalityCode(), accessible);
        List<DuplicateCandidate> out = new ArrayList<>();
        for (Hit hit : matches) {
            Person p = hit.person();
            UUID h = hit.householdId();
            if (hidden.contains(h)) {
                continue;   // a protected person is never revealed, not even as "known in district X"
            }
            if (accessible.contains(h)) {
                audit.record(user, AuditAction.SEARCH, "PERSON", p.id().toString(), h, p.id(), "controle dubbele registratie");
                if (shieldedButOpen.contains(h)) {
                    protection.alert(user, h, p.id(), "mogelijke dubbele registratie in huishouden met afgeschermde persoon");
                }
                out.add(new DuplicateCandidate(p.id(), h, true,
                        p.fullName() + ", geboren " + p.birthDate().format(SHOWN_DATE) + ", " + p.address()));
            } else {
                audit.record(user, AuditAction.SEARCH, "PERSON", p.id().toString(), h, p.id(), "controle dubbele registratie, geen toegang");
                out.add(new DuplicateCandidate(null, null, false,
                        "Een persoon met dezelfde gegevens in een huishouden in wijk " + hit.districtName() + " (u heeft daar geen toegang)"));
            }
        }
        return out;
    }

    /** Lower case, no accents, no Dutch prefixes ("van der"), no spaces or hyphens: "Van der Berg-Él" → "bergel". */
    static String normaliseName(String name) {
        if (name == null) {
            return "";
        }
        String s = Normalizer.normalize(name.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        for (String prefix : NAME_PREFIXES) {
            if (s.startsWith(prefix)) {
                s = s.substring(prefix.length());
                break;
            }
        }
        return s.replaceAll("[^a-z]", "");
    }

    @Override
    public UUID createHousehold(CurrentUser user, PersonDraft head, AddressDraft address, boolean confirmNew) {
        String m = user.municipalityCode();
        lockSamePeople(m, head);
        FieldErrors errors = new FieldErrors();
        PersonFields pf = checkPerson(m, head, errors, "");
        String postalCode = normalisePostalCode(address.postalCode());
        errors.required("street", address.street(), "de straat", 150)
                .required("houseNumber", address.houseNumber(), "het huisnummer", 20)
                .required("postalCode", address.postalCode(), "de postcode", 7).postalCode("postalCode", address.postalCode())
                .required("city", address.city(), "de woonplaats", 100);
        if (address.districtCode() == null || address.districtCode().isBlank()) {
            errors.add("districtCode", "Kies de wijk waar het huishouden woont.");
        } else if (errors.isCode("districtCode", address.districtCode(), "een wijk")
                && directory.district(m, address.districtCode()).isEmpty()) {
            errors.add("districtCode", "Kies een wijk uit de lijst.");
        }
        errors.throwIfAny();
        if (!confirmNew) {
            List<DuplicateCandidate> candidates = duplicates(user, head, postalCode, address.houseNumber().strip());
            if (!candidates.isEmpty()) {
                throw new LikelyDuplicateException(candidates);
            }
        }
        UUID householdId = repo.insertHousehold(m, address.street().strip(), address.houseNumber().strip(), postalCode,
                address.city().strip(), address.districtCode());
        UUID personId = insertPerson(m, pf.toPerson(address.street().strip(), address.houseNumber().strip(), postalCode,
                address.city().strip(), address.districtCode()));
        repo.insertMember(m, householdId, personId, Relation.HEAD);
        audit.record(user, AuditAction.CREATE, "HOUSEHOLD", householdId.toString(), householdId, null, "nieuwe melding");
        audit.record(user, AuditAction.CREATE, "PERSON", personId.toString(), householdId, personId, "nieuwe melding");
        return householdId;
    }

    @Override
    public UUID addMember(CurrentUser user, UUID householdId, PersonDraft draft, String relation, boolean confirmNew) {
        String m = user.municipalityCode();
        HouseholdRow h = repo.household(m, householdId).orElseThrow(() -> new NotFoundException("household"));
        String basis = access.requireHouseholdAccess(user, householdId);
        lockSamePeople(m, draft);
        FieldErrors errors = new FieldErrors();
        PersonFields pf = checkPerson(m, draft, errors, "");
        Relation r = errors.oneOf("relation", relation, Relation.class, "de relatie tot het huishouden");
        if (r == Relation.HEAD && repo.hasHead(m, householdId)) {
            errors.add("relation", "Dit huishouden heeft al een hoofdbewoner.");
        }
        errors.throwIfAny();
        if (!confirmNew) {
            List<DuplicateCandidate> candidates = duplicates(user, draft, null, null);
            if (!candidates.isEmpty()) {
                throw new LikelyDuplicateException(candidates);
            }
        }
        UUID personId = insertPerson(m, pf.toPerson(h.street(), h.houseNumber(), h.postalCode(), h.city(), h.districtCode()));
        repo.insertMember(m, householdId, personId, r);
        audit.record(user, AuditAction.CREATE, "PERSON", personId.toString(), householdId, personId, basis);
        events.publishEvent(new nl.leefwereld.household.HouseholdChanged(user, householdId, "MEMBER_ADDED", "Gezinslid toegevoegd: " + r.label().toLowerCase()));
        return personId;
    }

    /**
     * Serialises registrations of people with the same birth date in this municipality until the transaction ends, so
     * parallel identical submissions see each other in the duplicate and BSN checks: one creates, the others are told.
     */
    private void lockSamePeople(String m, PersonDraft draft) {
        String birth = draft.birthDate() == null ? "" : draft.birthDate().strip().replaceAll("[^0-9-]", "");
        repo.lock("person:" + m + ":" + birth);
    }

    /** A BSN that another transaction registered first is the same field error as a known BSN, never a 500. */
    private UUID insertPerson(String m, Person person) {
        try {
            return repo.insertPerson(m, person);
        } catch (DuplicateKeyException e) {
            throw InvalidInputException.of("bsn", "Er is al een persoon met dit BSN. Zoek de persoon op en meld via het bestaande huishouden.");
        }
    }

    @Override
    public UUID addNetworkMember(CurrentUser user, UUID householdId, NetworkDraft d) {
        String m = user.municipalityCode();
        String basis = access.requireHouseholdAccess(user, householdId);   // 404 for an unknown household
        FieldErrors errors = new FieldErrors();
        String kind = d.kind() == null ? "" : d.kind().strip();
        errors.check(kind.equals("INFORMAL") || kind.equals("PROFESSIONAL"), "kind", "Kies of het iemand uit het eigen netwerk of een professional is.");
        errors.required("name", d.name(), "de naam", 150)
                .maxLength("relation", d.relation(), "de relatie", 100)
                .maxLength("organisation", d.organisation(), "de organisatie", 150)
                .maxLength("function", d.function(), "de functie", 100)
                .maxLength("role", d.role(), "de rol", 300)
                .phone("phone", d.phone()).email("email", d.email())
                .maxLength("carerLoadNote", d.carerLoadNote(), "de notitie over de belasting", 1000);
        if ("PROFESSIONAL".equals(kind)) {
            errors.required("organisation", d.organisation(), "de organisatie", 150);
            errors.check(!d.informalCarer(), "informalCarer", "Een professional is geen mantelzorger.");
        }
        if (d.informalCarer()) {
            errors.required("carerLoadNote", d.carerLoadNote(), "hoe zwaar de zorg is voor de mantelzorger", 1000);
        }
        errors.throwIfAny();
        NetworkMember n = new NetworkMember(null, kind, d.name().strip(), FieldErrors.trimToNull(d.relation()),
                FieldErrors.trimToNull(d.organisation()), FieldErrors.trimToNull(d.function()), FieldErrors.trimToNull(d.role()),
                FieldErrors.trimToNull(d.phone()), FieldErrors.trimToNull(d.email()), d.informalCarer(),
                d.informalCarer() ? d.carerLoadNote().strip() : null);
        UUID id = repo.insertNetworkMember(m, householdId, n, null);
        audit.record(user, AuditAction.CREATE, "NETWORK_MEMBER", id.toString(), householdId, null, basis);
        events.publishEvent(new nl.leefwereld.household.HouseholdChanged(user, householdId, "NETWORK_MEMBER_ADDED", "Netwerk aangevuld: " + ("PROFESSIONAL".equals(kind) ? "professional" : "iemand uit het eigen netwerk") + (n.relation() == null ? "" : " (" + n.relation() + ")") + (n.informalCarer() ? ", mantelzorger" : "")));
        return id;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<HouseholdRef> ref(String m, UUID householdId) {
        return Optional.ofNullable(refs(m, List.of(householdId)).get(householdId));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, HouseholdRef> refs(String m, Collection<UUID> householdIds) {
        Map<UUID, HouseholdRef> out = new LinkedHashMap<>();
        Map<UUID, Hit> heads = new LinkedHashMap<>();
        repo.heads(m, householdIds).forEach(h -> heads.put(h.householdId(), h));
        Set<UUID> shielded = protection.protectedHouseholds(m, householdIds);
        for (HouseholdRow row : repo.households(m, householdIds)) {
            Hit head = heads.get(row.id());
            String name = shielded.contains(row.id()) ? "Afgeschermd huishouden"
                    : head == null ? "Huishouden (nog geen leden)" : "Huishouden " + head.person().lastName();
            out.put(row.id(), new HouseholdRef(row.id(), row.districtCode(), name));
        }
        return out;
    }

    private record PersonFields(Bsn bsn, String firstName, String lastName, LocalDate birthDate, String phone, String email) {
        Person toPerson(String street, String number, String postalCode, String city, String district) {
            return new Person(null, bsn, firstName, lastName, birthDate, street, number, postalCode, city, district, phone, email);
        }
    }

    private PersonFields checkPerson(String m, PersonDraft d, FieldErrors errors, String prefix) {
        errors.required(prefix + "firstName", d.firstName(), "de voornaam", 100)
                .required(prefix + "lastName", d.lastName(), "de achternaam", 150)
                .bsn(prefix + "bsn", d.bsn()).phone(prefix + "phone", d.phone()).email(prefix + "email", d.email());
        LocalDate birth = errors.date(prefix + "birthDate", d.birthDate(), "de geboortedatum", true);
        if (birth != null) {
            errors.check(!birth.isAfter(LocalDate.now(clock)), prefix + "birthDate", "De geboortedatum kan niet in de toekomst liggen.");
            errors.check(birth.isAfter(LocalDate.of(1900, 1, 1)), prefix + "birthDate", "Controleer het geboortejaar.");
        }
        Bsn bsn = null;
        if (d.bsn() != null && !d.bsn().isBlank() && !errors.has(prefix + "bsn")) {
            bsn = Bsn.parse(d.bsn());
            if (repo.personByBsn(m, bsn.value()).isPresent()) {
                errors.add(prefix + "bsn", "Er is al een persoon met dit BSN. Zoek de persoon op en meld via het bestaande huishouden.");
            }
        }
        return new PersonFields(bsn, strip(d.firstName()), strip(d.lastName()), birth,
                FieldErrors.trimToNull(d.phone()), FieldErrors.trimToNull(d.email()));
    }

    static String normalisePostalCode(String pc) {
        if (pc == null) {
            return null;
        }
        String s = pc.replace(" ", "").toUpperCase(Locale.ROOT);
        return s.length() == 6 ? s.substring(0, 4) + " " + s.substring(4) : pc.strip();
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }
}
