package nl.leefwereld.household.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.leefwereld.household.AddressDraft;
import nl.leefwereld.household.Household;
import nl.leefwereld.household.Households;
import nl.leefwereld.household.NetworkDraft;
import nl.leefwereld.household.PersonDraft;
import nl.leefwereld.household.PersonMatch;
import nl.leefwereld.identity.CurrentUser;
import nl.leefwereld.identity.CurrentUsers;
import nl.leefwereld.privacy.Consent;
import nl.leefwereld.privacy.Consents;
import com.fasterxml.jackson.annotation.JsonInclude;
import nl.leefwereld.household.SearchRateLimitedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class HouseholdApi {

    private final Households households;
    private final Consents consents;

    private final nl.leefwereld.privacy.AccessPolicy access;

    HouseholdApi(Households households, Consents consents, nl.leefwereld.privacy.AccessPolicy access) {
        this.access = access;
        this.households = households;
        this.consents = consents;
    }

    /** The BSN is masked in API answers too; the full number is only in the inzage export. */
    record PersonJson(UUID id, String bsn, String firstName, String lastName, String birthDate, String address, String phone, String email) {
        static PersonJson of(nl.leefwereld.household.Person p) {
            return p == null ? null : new PersonJson(p.id(), p.bsn() == null ? null : p.bsn().masked(), p.firstName(), p.lastName(),
                    p.birthDate().toString(), p.address(), p.phone(), p.email());
        }
    }

    record MemberJson(PersonJson person, String relation) {
    }

    record HouseholdJson(UUID id, String name, String address, String district, List<MemberJson> members,
                         List<nl.leefwereld.household.NetworkMember> network) {
    }

    /** householdId, person and relation only when accessible; reference (for break-the-glass) only when not. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MatchJson(boolean accessible, UUID householdId, PersonJson person, String relation, String district, String reference) {
    }

    /** Object, so that a number or true is refused instead of searched for as text. */
    record SearchRequest(Object query) {
    }

    @GetMapping("/api/v1/households/{id}")
    HouseholdJson household(@PathVariable UUID id) {
        Household h = households.view(CurrentUsers.get(), id);
        return new HouseholdJson(h.id(), h.name(), h.address(), h.districtName(),
                h.members().stream().map(m -> new MemberJson(PersonJson.of(m.person()), m.relation().name())).toList(), h.network());
    }

    /** The query travels in the body, never in the URL. */
    @PostMapping("/api/v1/persons/search")
    List<MatchJson> search(@RequestBody SearchRequest body, jakarta.servlet.http.HttpServletResponse response) {
        if (body != null && body.query() != null && !(body.query() instanceof String)) {
            throw nl.leefwereld.shared.InvalidInputException.of("query", "Vul een zoekterm in als tekst.");
        }
        String query = body == null ? null : (String) body.query();
        List<PersonMatch> matches;
        try {
            nl.leefwereld.household.PersonSearch found = households.searchPage(CurrentUsers.get(), query);
            matches = found.matches();
            // Never a silent cap: more matches than one page is said in a header (the body stays the documented list).
            response.setHeader("X-More-Results", String.valueOf(found.more()));
            response.setHeader("X-Page-Size", String.valueOf(found.pageSize()));
        } catch (nl.leefwereld.shared.InvalidInputException e) {
            throw nl.leefwereld.shared.InvalidInputException.of("query", e.fieldErrors().get("q"));   // the body's field name
        }
        return matches.stream().map((PersonMatch m) -> new MatchJson(m.accessible(), m.householdId(),
                PersonJson.of(m.person()), m.relation() == null ? null : m.relation().name(), m.districtName(), m.reference())).toList();
    }

    /** 429 with Retry-After: the user searched too often in a short time. */
    @ExceptionHandler(SearchRateLimitedException.class)
    ResponseEntity<ProblemDetail> rateLimited(SearchRateLimitedException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.message());
        p.setTitle("Te vaak gezocht");
        p.setType(URI.create("https://leefwereld.nl/problemen/rate-limited"));
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    record NewHouseholdRequest(PersonDraft head, AddressDraft address, boolean confirmNew) {
    }

    @PostMapping("/api/v1/households")
    ResponseEntity<Map<String, UUID>> create(@RequestBody NewHouseholdRequest body) {
        PersonDraft head = body.head() == null ? new PersonDraft(null, null, null, null, null, null) : body.head();
        AddressDraft address = body.address() == null ? new AddressDraft(null, null, null, null, null) : body.address();
        UUID id = households.createHousehold(CurrentUsers.get(), head, address, body.confirmNew());
        return ResponseEntity.created(URI.create("/api/v1/households/" + id)).body(Map.of("id", id));
    }

    @PostMapping("/api/v1/households/{id}/network-members")
    ResponseEntity<Map<String, UUID>> addNetwork(@PathVariable UUID id, @RequestBody NetworkDraft body) {
        UUID created = households.addNetworkMember(CurrentUsers.get(), id, body);
        return ResponseEntity.status(201).body(Map.of("id", created));
    }

    @GetMapping("/api/v1/households/{id}/consents")
    List<Consent> consents(@PathVariable UUID id) {
        CurrentUser me = CurrentUsers.get();
        Household h = households.view(me, id);
        return consents.of(me.municipalityCode(), h.members().stream().map(m -> m.person().id()).toList());
    }

    record ConsentRequest(UUID personId, String purpose, String recipient, String scope, String givenOn, String validUntil) {
    }

    @PostMapping("/api/v1/households/{id}/consents")
    ResponseEntity<Map<String, UUID>> giveConsent(@PathVariable UUID id, @RequestBody ConsentRequest body) {
        CurrentUser me = CurrentUsers.get();
        access.requireHouseholdAccess(me, id);
        UUID created = consents.give(me, id, body.personId(), body.purpose(), body.recipient(), body.scope(), body.givenOn(), body.validUntil());
        return ResponseEntity.status(201).body(Map.of("id", created));
    }
}
