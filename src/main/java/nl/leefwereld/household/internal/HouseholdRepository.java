package nl.leefwereld.household.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.leefwereld.household.Member;
import nl.leefwereld.household.NetworkMember;
import nl.leefwereld.household.Person;
import nl.leefwereld.household.Relation;
import nl.leefwereld.shared.Bsn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class HouseholdRepository {

    static final String PERSON_COLUMNS = "p.id, p.bsn, p.first_name, p.last_name, p.birth_date, p.street, p.house_number, "
            + "p.postal_code, p.city, p.district_code, p.phone, p.email";

    private final JdbcClient jdbc;
    private final Clock clock;

    HouseholdRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record HouseholdRow(UUID id, String street, String houseNumber, String postalCode, String city, String districtCode, String districtName) {
    }

    record Hit(UUID householdId, String districtCode, String districtName, Relation relation, Person person) {
    }

    Optional<HouseholdRow> household(String m, UUID id) {
        return jdbc.sql("""
                SELECT h.id, h.street, h.house_number, h.postal_code, h.city, h.district_code, d.name AS district_name
                  FROM household h JOIN district d ON d.municipality_code = h.municipality_code AND d.code = h.district_code
                 WHERE h.municipality_code = :m AND h.id = :id
                """).param("m", m).param("id", id).query(HouseholdRow.class).optional();
    }

    List<HouseholdRow> households(String m, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT h.id, h.street, h.house_number, h.postal_code, h.city, h.district_code, d.name AS district_name
                  FROM household h JOIN district d ON d.municipality_code = h.municipality_code AND d.code = h.district_code
                 WHERE h.municipality_code = :m AND h.id IN (:ids)
                """).param("m", m).param("ids", ids).query(HouseholdRow.class).list();
    }

    List<Member> members(String m, UUID householdId) {
        return jdbc.sql("SELECT hm.relation, " + PERSON_COLUMNS + """
                 FROM household_member hm JOIN person p ON p.municipality_code = hm.municipality_code AND p.id = hm.person_id
                WHERE hm.municipality_code = :m AND hm.household_id = :h
                ORDER BY CASE hm.relation WHEN 'HEAD' THEN 0 WHEN 'PARTNER' THEN 1 WHEN 'PARENT' THEN 2 WHEN 'CHILD' THEN 3 ELSE 4 END, p.birth_date
                """).param("m", m).param("h", householdId)
                .query((rs, i) -> new Member(person(rs), Relation.valueOf(rs.getString("relation")))).list();
    }

    /** Heads (or first member) of many households at once, for work lists. */
    List<Hit> heads(String m, Collection<UUID> householdIds) {
        if (householdIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT DISTINCT ON (hm.household_id) hm.household_id, h.district_code, d.name AS district_name, hm.relation, "
                        + PERSON_COLUMNS + """
                 FROM household_member hm
                 JOIN household h ON h.municipality_code = hm.municipality_code AND h.id = hm.household_id
                 JOIN district d ON d.municipality_code = h.municipality_code AND d.code = h.district_code
                 JOIN person p ON p.municipality_code = hm.municipality_code AND p.id = hm.person_id
                WHERE hm.municipality_code = :m AND hm.household_id IN (:ids)
                ORDER BY hm.household_id, (hm.relation = 'HEAD') DESC, p.birth_date
                """).param("m", m).param("ids", householdIds).query(this::hit).list();
    }

    List<NetworkMember> network(String m, UUID householdId) {
        return jdbc.sql("""
                SELECT id, kind, name, relation, organisation, function, role, phone, email, informal_carer, carer_load_note
                  FROM network_member WHERE municipality_code = :m AND household_id = :h
                 ORDER BY kind, name
                """).param("m", m).param("h", householdId).query(NetworkMember.class).list();
    }

    /**
     * Search on one criterion; the service decides which. Bounded ({@value #SEARCH_LIMIT} rows), ordered, and every
     * criterion on an index: BSN (unique), birth date and postcode + house number (b-tree, V2), names and streets
     * (trigram GIN on the lower-cased expressions below, V15, so {@code LIKE '%term%'} needs no scan of all persons).
     * {@code SearchIndexPlanTest} checks the plans on 50,000 persons.
     */
    static final int SEARCH_LIMIT = 50;
    static final String BY_BSN = "p.bsn = :v";
    static final String BY_BIRTH_DATE = "p.birth_date = :v";
    static final String BY_POSTAL_CODE = "p.postal_code = :v";
    static final String BY_ADDRESS = "p.postal_code = :v AND lower(p.house_number) = lower(:n)";
    /**
     * The expressions match the trigram indexes of V15 exactly (lower(first_name || ' ' || last_name), lower(street)). A
     * term in the last name is a term in the full name (neither name is ever null), so the last name needs no condition
     * (nor index, V36) of its own.
     */
    static final String BY_TEXT = "(lower(p.first_name || ' ' || p.last_name) LIKE :v ESCAPE '\\' OR lower(p.street) LIKE :v ESCAPE '\\')";

    List<Hit> searchByBsn(String m, String bsn) {
        return hits(m, BY_BSN, bsn);
    }

    List<Hit> searchByBirthDate(String m, LocalDate date) {
        return hits(m, BY_BIRTH_DATE, date);
    }

    List<Hit> searchByPostalCode(String m, String postalCode, String houseNumber) {
        if (houseNumber == null) {
            return hits(m, BY_POSTAL_CODE, postalCode);
        }
        return jdbc.sql(hitSql(BY_ADDRESS))
                .param("m", m).param("v", postalCode).param("n", houseNumber).query(this::hit).list();
    }

    /**
     * Names and streets in two steps, so that a common surname costs a page, not all its bearers:
     * <ol>
     *   <li>surnames that start with the term, compared on the sort name (without "van", "de"... in front, on both
     *       sides), in name order, read from the ordered b-tree {@code person_sort_name_idx} (V32) — the index range
     *       stops after one page;</li>
     *   <li>only when that gives less than a page: persons whose name or street contains the term (trigram indexes),
     *       at most the rest of the page (not ordered over all matches: a term matching more than a page shows "more
     *       found, refine"), then ordered.</li>
     * </ol>
     * Together one more row than a page at most: that row only tells that more matched.
     */
    List<Hit> searchByText(String m, String text) {
        String term = text.toLowerCase(java.util.Locale.ROOT);
        List<Hit> first = jdbc.sql(BY_SORT_NAME_SQL).param("m", m).param("t", term).query(this::hit).list();
        if (first.size() > SEARCH_LIMIT) {
            return first;
        }
        List<Hit> more = jdbc.sql(BY_TEXT_REST_SQL).param("m", m).param("t", term).param("v", containsPattern(text))
                .param("n", SEARCH_LIMIT + 1 - first.size()).query(this::hit).list();
        List<Hit> all = new java.util.ArrayList<>(first);
        all.addAll(more);
        return all;
    }

    /** The surname prefix range on the sort name; {@code U&'\+10FFFF'} is the highest code point (the range's end). */
    static final String SORT_NAME_RANGE = "person_sort_name(p.last_name) COLLATE \"C\" >= person_sort_name(:t) "
            + "AND person_sort_name(p.last_name) COLLATE \"C\" < person_sort_name(:t) || U&'\\+10FFFF'";
    static final String NAME_ORDER = "person_sort_name(p.last_name) COLLATE \"C\", p.first_name COLLATE \"C\", p.birth_date";

    static final String BY_SORT_NAME_SQL = hitSql(SORT_NAME_RANGE, NAME_ORDER);

    static final String BY_TEXT_REST_SQL = "SELECT * FROM ("
            + hitSql(BY_TEXT + " AND NOT (" + SORT_NAME_RANGE + ")", null).replace("LIMIT " + (SEARCH_LIMIT + 1), "LIMIT :n")
            + ") rest ORDER BY person_sort_name(last_name) COLLATE \"C\", first_name COLLATE \"C\", birth_date";

    /** {@code %text%} with the LIKE wildcards in the text taken literally. */
    static String containsPattern(String text) {
        return "%" + text.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private List<Hit> hits(String m, String where, Object value) {
        return jdbc.sql(hitSql(where)).param("m", m).param("v", value).query(this::hit).list();
    }

    static String hitSql(String where) {
        return hitSql(where, NAME_ORDER);
    }

    /** The hits of a criterion in an order (null: no order, the first rows found). */
    static String hitSql(String where, String order) {
        return "SELECT hm.household_id, h.district_code, d.name AS district_name, hm.relation, " + PERSON_COLUMNS + """
                 FROM person p
                 JOIN household_member hm ON hm.municipality_code = p.municipality_code AND hm.person_id = p.id
                 JOIN household h ON h.municipality_code = hm.municipality_code AND h.id = hm.household_id
                 JOIN district d ON d.municipality_code = h.municipality_code AND d.code = h.district_code
                WHERE p.municipality_code = :m AND """ + " " + where + (order == null ? "" : "\n ORDER BY " + order) + """

                 LIMIT %d
                """.formatted(SEARCH_LIMIT + 1);   // one more than a page: tells whether more matched
    }

    /** Candidates for the duplicate check: same birth date, or same address. Narrowed further in Java. */
    List<Hit> sameBirthDateOrAddress(String m, LocalDate birthDate, String postalCode, String houseNumber) {
        return jdbc.sql(hitSql("(p.birth_date = :v OR (CAST(:pc AS text) IS NOT NULL AND p.postal_code = :pc "
                        + "AND lower(p.house_number) = lower(:n)))"))
                .param("m", m).param("v", birthDate).param("pc", postalCode).param("n", houseNumber).query(this::hit).list();
    }

    Optional<UUID> personByBsn(String m, String bsn) {
        return jdbc.sql("SELECT id FROM person WHERE municipality_code = :m AND bsn = :b").param("m", m).param("b", bsn)
                .query(UUID.class).optional();
    }

    Optional<Person> person(String m, UUID id) {
        return jdbc.sql("SELECT " + PERSON_COLUMNS + " FROM person p WHERE p.municipality_code = :m AND p.id = :id")
                .param("m", m).param("id", id).query((rs, i) -> person(rs)).optional();
    }

    List<UUID> householdsOf(String m, UUID personId) {
        return jdbc.sql("SELECT household_id FROM household_member WHERE municipality_code = :m AND person_id = :p")
                .param("m", m).param("p", personId).query(UUID.class).list();
    }

    boolean isNetworkUser(String m, UUID householdId, UUID userId) {
        return jdbc.sql("SELECT count(*) FROM network_member WHERE municipality_code = :m AND household_id = :h AND user_id = :u")
                .param("m", m).param("h", householdId).param("u", userId).query(Long.class).single() > 0;
    }

    /** Of these households, those whose user is in the network (one query; {@link #isNetworkUser} for many). */
    Set<UUID> withNetworkUser(String m, Collection<UUID> householdIds, UUID userId) {
        return new HashSet<>(jdbc.sql("SELECT DISTINCT household_id FROM network_member WHERE municipality_code = :m AND household_id = ANY(:h) AND user_id = :u")
                .param("m", m).param("h", householdIds.toArray(UUID[]::new)).param("u", userId).query(UUID.class).list());
    }

    /** Of these households, those in one of the districts (one query; {@link #districtOf} for many). */
    Set<UUID> inDistricts(String m, Collection<UUID> householdIds, Collection<String> districts) {
        if (districts.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT id FROM household WHERE municipality_code = :m AND id = ANY(:h) AND district_code = ANY(:d)")
                .param("m", m).param("h", householdIds.toArray(UUID[]::new)).param("d", districts.toArray(String[]::new)).query(UUID.class).list());
    }

    Optional<String> districtOf(String m, UUID householdId) {
        return jdbc.sql("SELECT district_code FROM household WHERE municipality_code = :m AND id = :id")
                .param("m", m).param("id", householdId).query(String.class).optional();
    }

    UUID insertPerson(String m, Person p) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO person (municipality_code, id, bsn, first_name, last_name, birth_date, street, house_number, postal_code,
                                    city, district_code, phone, email, created_at, valid_from)
                VALUES (:m, :id, :bsn, :first, :last, :birth, :street, :number, :pc, :city, :district, :phone, :email, :now, :now)
                """).param("m", m).param("id", id).param("bsn", p.bsn() == null ? null : p.bsn().value())
                .param("first", p.firstName()).param("last", p.lastName()).param("birth", p.birthDate())
                .param("street", p.street()).param("number", p.houseNumber()).param("pc", p.postalCode()).param("city", p.city())
                .param("district", p.districtCode()).param("phone", p.phone()).param("email", p.email())
                .param("now", OffsetDateTime.now(clock)).update();
        return id;
    }

    UUID insertHousehold(String m, String street, String number, String postalCode, String city, String district) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO household (municipality_code, id, street, house_number, postal_code, city, district_code, created_at)
                VALUES (:m, :id, :street, :number, :pc, :city, :district, :now)
                """).param("m", m).param("id", id).param("street", street).param("number", number).param("pc", postalCode)
                .param("city", city).param("district", district).param("now", OffsetDateTime.now(clock)).update();
        return id;
    }

    void insertMember(String m, UUID householdId, UUID personId, Relation relation) {
        jdbc.sql("""
                INSERT INTO household_member (municipality_code, household_id, person_id, relation, member_since) VALUES (:m, :h, :p, :r, :since)
                """).param("m", m).param("h", householdId).param("p", personId).param("r", relation.name())
                .param("since", LocalDate.now(clock)).update();
    }

    UUID insertNetworkMember(String m, UUID householdId, NetworkMember n, UUID userId) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO network_member (municipality_code, id, household_id, kind, name, relation, organisation, function, role,
                                            phone, email, informal_carer, carer_load_note, user_id, created_at)
                VALUES (:m, :id, :h, :kind, :name, :relation, :org, :function, :role, :phone, :email, :carer, :load, :user, :now)
                """).param("m", m).param("id", id).param("h", householdId).param("kind", n.kind()).param("name", n.name())
                .param("relation", n.relation()).param("org", n.organisation()).param("function", n.function())
                .param("role", n.role()).param("phone", n.phone()).param("email", n.email())
                .param("carer", n.informalCarer()).param("load", n.carerLoadNote()).param("user", userId)
                .param("now", OffsetDateTime.now(clock)).update();
        return id;
    }

    /** A transaction-scoped advisory lock on this key: held until commit or rollback. */
    void lock(String key) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:k))").param("k", key).query((rs, i) -> 1).list();
    }

    /** Per person, the households they belong to. */
    List<Object[]> memberships(String m, Collection<UUID> personIds) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT person_id, household_id FROM household_member WHERE municipality_code = :m AND person_id = ANY(:p)")
                .param("m", m).param("p", personIds.toArray(new UUID[0]))
                .query((rs, i) -> new Object[] {rs.getObject("person_id", UUID.class), rs.getObject("household_id", UUID.class)}).list();
    }

    List<Person> persons(String m, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + PERSON_COLUMNS + " FROM person p WHERE p.municipality_code = :m AND p.id = ANY(:ids)")
                .param("m", m).param("ids", ids.toArray(new UUID[0])).query((rs, i) -> person(rs)).list();
    }

    boolean hasHead(String m, UUID householdId) {
        return jdbc.sql("SELECT count(*) FROM household_member WHERE municipality_code = :m AND household_id = :h AND relation = 'HEAD'")
                .param("m", m).param("h", householdId).query(Long.class).single() > 0;
    }

    private Hit hit(ResultSet rs, int i) throws SQLException {
        return new Hit(rs.getObject("household_id", UUID.class), rs.getString("district_code"), rs.getString("district_name"),
                Relation.valueOf(rs.getString("relation")), person(rs));
    }

    static Person person(ResultSet rs) throws SQLException {
        String bsn = rs.getString("bsn");
        return new Person(rs.getObject("id", UUID.class), bsn == null ? null : Bsn.parse(bsn), rs.getString("first_name"),
                rs.getString("last_name"), rs.getObject("birth_date", LocalDate.class), rs.getString("street"),
                rs.getString("house_number"), rs.getString("postal_code"), rs.getString("city"), rs.getString("district_code"),
                rs.getString("phone"), rs.getString("email"));
    }
}
